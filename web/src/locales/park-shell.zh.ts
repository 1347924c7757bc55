/** The park texts the app shell draws: menu entries, the cockpit's map link, the project form's park. */
export const parkShellZh = {
  'nav.map': '招商地图',
  'nav.parks': '园区载体',
  'module.map.desc':
    '园区、地块（按供地状态着色）与标准厂房一张图；按产业链、状态、面积筛选，查看地块详情并为线索意向预留。',
  'module.park.desc':
    '园区载体：土地与厂房总量、可供、已用与出租率等指标均由地块与单元自动汇总；导入地块轮廓。',
  'cockpit.onMap': '在招商地图上查看',
  'project.parkPick': '选择园区',
  'project.parkText': '园区（导入文本）',
};
