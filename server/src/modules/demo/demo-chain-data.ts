/**
 * The demo zone's industrial chains (issue 4). Facts from the newspaper page (PRODUCT.md): the pet
 * chain (food, supplies, training, grooming, medical care; leader 乖宝宠物; carrier park
 * 坤源宠物食品用品产业园; goal "宠物产业之都" in 3–5 years), the equipment chain of the 瀚洋重工
 * project, the home-furnishing chain of 正源家居, and 阳谷县's copper, high-end chemicals and
 * green-food clusters with their leaders and parks. The sub-links are how such chains are commonly
 * drawn (not from the page); targets and the city's named key chains are invented (is_sample).
 */

export interface LinkDef {
  name: string;
  codes?: string[];
  kw?: string[];
  pri?: 'high' | 'medium' | 'low';
  desc?: string;
  /** Free-text `chain_link` values of the pipeline that mean this link (attached by the seeder). */
  attach?: string[];
  /** The product word in invented external target names (e.g. 冻干 → 江苏瑞丰冻干食品有限公司). */
  product?: string;
  children?: LinkDef[];
}

export interface ChainDef {
  name: string;
  nameEn: string;
  scope: 'zone' | 'county' | 'city';
  region: string;
  description?: string;
  goal?: string;
  /** Demo firm names (or short names) of the chain-leader firms. */
  leaders: string[];
  /**
   * 链长 (name, title): the page names no chain official, so these are invented and say so (示例);
   * a zone replaces them on the chain editor.
   */
  official: [string, string];
  parks: Array<[string, string | null]>;
  /** Invented annual target for the current year: projects, investment (yuan). */
  target?: [number, number];
  up: LinkDef[];
  mid: LinkDef[];
  down: LinkDef[];
}

const ZONE = '聊城经济技术开发区';
const YANGGU = '山东省聊城市阳谷县';

export const DEMO_CHAINS: ChainDef[] = [
  {
    name: '宠物产业链',
    official: ['王立新（示例）', '开发区党工委委员、管委会副主任（示例）'],
    nameEn: 'Pet industry chain',
    scope: 'zone',
    region: ZONE,
    description:
      '以乖宝宠物为链主，坤源宠物食品用品产业园为载体，涵盖宠物食品、用品、训练、美容、医疗等环节（以链延链）。',
    goal: '3—5年打造全国知名的“宠物产业之都”',
    leaders: ['乖宝宠物食品集团股份有限公司'],
    parks: [['坤源宠物食品用品产业园', '宠物产业链载体园区']],
    target: [12, 3_000_000_000],
    up: [
      {
        name: '原料供应',
        pri: 'high',
        children: [
          {
            name: '肉类原料',
            codes: ['1351', '1352', '1353'],
            kw: ['鸡肉', '鸭肉', '肉粉', '畜禽屠宰'],
            product: '肉类',
            pri: 'high',
          },
          { name: '谷物果蔬原料', codes: ['1371'], kw: ['谷物', '果蔬', '脱水蔬菜'], product: '果蔬' },
          {
            name: '添加剂与营养素',
            codes: ['1499', '2661'],
            kw: ['益生菌', '维生素', '氨基酸', '营养添加剂'],
            product: '生物',
          },
        ],
      },
      {
        name: '包装材料',
        codes: ['2221', '333'],
        kw: ['包装', '彩印', '软包装'],
        product: '包装',
        pri: 'medium',
      },
      { name: '宠物繁育', codes: ['8221'], kw: ['繁育', '犬舍', '猫舍'], product: '宠物繁育' },
    ],
    mid: [
      {
        name: '宠物食品',
        codes: ['1321'],
        kw: ['宠物食品', '宠物饲料'],
        pri: 'high',
        children: [
          {
            name: '主粮',
            codes: ['1321'],
            kw: ['宠物主粮', '犬粮', '猫粮'],
            attach: ['宠物产业链·宠物食品'],
            product: '宠物食品',
          },
          {
            name: '零食',
            codes: ['1321'],
            kw: ['宠物零食', '冻干', '肉干'],
            product: '冻干食品',
            pri: 'high',
          },
          {
            name: '处方粮与保健品',
            codes: ['1321', '1499'],
            kw: ['处方粮', '营养保健', '宠物保健'],
            product: '宠物营养',
          },
        ],
      },
      {
        name: '宠物用品',
        kw: ['宠物用品'],
        pri: 'high',
        children: [
          {
            name: '玩具与牵引用品',
            kw: ['宠物玩具', '牵引绳', '宠物服饰'],
            attach: ['宠物产业链·宠物用品'],
            product: '宠物用品',
          },
          { name: '猫砂与清洁用品', kw: ['猫砂', '膨润土', '豆腐砂', '尿垫'], product: '猫砂' },
          {
            name: '智能宠物用品',
            kw: ['智能喂食器', '宠物饮水机', '智能猫砂盆'],
            product: '智能宠物科技',
            pri: 'high',
          },
        ],
      },
    ],
    down: [
      {
        name: '宠物医疗',
        codes: ['8222'],
        kw: ['宠物医疗'],
        children: [
          {
            name: '宠物医院',
            codes: ['8222'],
            kw: ['宠物医院', '动物诊疗'],
            attach: ['宠物产业链·宠物医疗'],
            product: '宠物医院',
          },
          {
            name: '动物药品与疫苗',
            codes: ['2750'],
            kw: ['兽药', '动物疫苗', '驱虫'],
            product: '动物药业',
            pri: 'high',
          },
          { name: '诊断设备与试剂', kw: ['动物诊断', '检测试剂', '兽用设备'], product: '动物诊断' },
        ],
      },
      {
        name: '宠物美容',
        codes: ['8223'],
        kw: ['宠物美容', '洗护', '宠物香波'],
        attach: ['宠物产业链·宠物美容'],
        product: '宠物洗护',
      },
      {
        name: '宠物训练与寄养',
        codes: ['8229', '8224'],
        kw: ['宠物训练', '训犬', '寄养'],
        attach: ['宠物产业链·宠物训练'],
        product: '宠物训练',
      },
      {
        name: '流通与品牌',
        children: [
          { name: '电商与品牌运营', kw: ['宠物电商', '品牌运营', '跨境电商'], product: '宠物电商' },
          { name: '冷链物流', kw: ['冷链物流', '冷链仓储'], product: '冷链物流' },
        ],
      },
    ],
  },
  {
    name: '高端装备产业链',
    official: ['李文博（示例）', '开发区管委会副主任（示例）'],
    nameEn: 'High-end equipment chain',
    scope: 'zone',
    region: ZONE,
    description: '以瀚洋重工大型高端特种装备项目（乙烯成套设备、精密压力容器）为牵引，以商招商引入合作伙伴。',
    leaders: [],
    parks: [],
    target: [8, 2_000_000_000],
    up: [
      { name: '钢材与特种材料', codes: ['3130', '3140'], kw: ['特种钢', '钢板', '不锈钢'], product: '特钢' },
      { name: '锻件铸件', codes: ['3391'], kw: ['锻件', '铸件', '法兰'], product: '锻造' },
    ],
    mid: [
      {
        name: '压力容器',
        codes: ['3332'],
        kw: ['压力容器', '换热器', '储罐'],
        attach: ['高端装备·压力容器'],
        product: '压力容器',
        pri: 'high',
      },
      {
        name: '乙烯成套设备',
        codes: ['3521'],
        kw: ['乙烯', '裂解炉', '成套设备'],
        attach: ['高端装备·特种装备'],
        product: '石化装备',
        pri: 'high',
      },
      {
        name: '工程机械',
        codes: ['351', '3511'],
        kw: ['工程机械', '钻机', '地质设备'],
        attach: ['高端装备·工程机械'],
        product: '工程机械',
      },
      { name: '阀门与密封件', codes: ['3443'], kw: ['阀门', '密封件', '泵阀'], product: '阀门' },
    ],
    down: [
      { name: '安装检测与运维', kw: ['无损检测', '设备安装', '运维服务'], product: '检测技术' },
      { name: '石化能源用户', kw: ['石化', '炼化', 'LNG'], product: '石化工程' },
    ],
  },
  {
    name: '家居产业链',
    official: ['张海燕（示例）', '开发区党工委委员（示例）'],
    nameEn: 'Home-furnishing chain',
    scope: 'zone',
    region: ZONE,
    description: '以聊城正源家居（深耕家居行业20余年）高端智能家居项目为牵引。',
    leaders: [],
    parks: [],
    target: [5, 800_000_000],
    up: [
      { name: '板材与木材', codes: ['2021', '2022'], kw: ['板材', '木材', '人造板'], product: '木业' },
      { name: '五金配件', codes: ['3351'], kw: ['五金', '铰链', '滑轨'], product: '五金' },
      { name: '面料与皮革', kw: ['面料', '皮革', '海绵'], product: '面料' },
    ],
    mid: [
      {
        name: '定制家具',
        codes: ['2110', '211'],
        kw: ['定制家具', '全屋定制', '橱柜'],
        attach: ['家居·定制家具'],
        product: '家具',
      },
      {
        name: '智能家居',
        codes: ['2190'],
        kw: ['智能家居', '智能锁', '智能控制'],
        attach: ['家居·智能家居'],
        product: '智能家居',
        pri: 'high',
      },
      { name: '软体家具', codes: ['2190', '213'], kw: ['沙发', '床垫', '软体'], product: '软体家居' },
    ],
    down: [
      { name: '设计与安装服务', kw: ['家装设计', '安装服务'], product: '家装' },
      { name: '销售渠道', kw: ['家居卖场', '家居电商'], product: '家居商贸' },
    ],
  },
  {
    name: '阳谷县铜及铜精深加工产业链',
    official: ['刘志强（示例）', '阳谷县副县长（示例）'],
    nameEn: 'Yanggu copper and deep copper processing',
    scope: 'county',
    region: YANGGU,
    leaders: ['祥光铜业'],
    parks: [
      ['双创产业园', '阳谷县园区（与产业链的对应为示例）'],
      ['现代装备智造产业园', '阳谷县园区（与产业链的对应为示例）'],
    ],
    target: [6, 1_500_000_000],
    up: [
      {
        name: '铜精矿与再生铜',
        codes: ['0911', '4210'],
        kw: ['铜精矿', '再生铜', '废铜回收'],
        product: '资源',
      },
      {
        name: '铜冶炼',
        codes: ['3211'],
        kw: ['铜冶炼', '阴极铜'],
        attach: ['铜及铜精深加工·铜冶炼', '铜及铜精深加工'],
        product: '铜业',
        pri: 'high',
      },
    ],
    mid: [
      {
        name: '铜材加工',
        codes: ['3251'],
        kw: ['铜板带', '铜管', '铜杆'],
        attach: ['铜及铜精深加工·铜材加工'],
        product: '铜材',
        pri: 'high',
      },
      { name: '铜箔', codes: ['3251'], kw: ['铜箔', '锂电铜箔', '电子铜箔'], product: '铜箔', pri: 'high' },
    ],
    down: [
      { name: '电线电缆', codes: ['3831'], kw: ['电线电缆', '漆包线'], product: '电缆' },
      {
        name: '电子元器件与散热',
        codes: ['3989'],
        kw: ['连接器', '散热器', '引线框架'],
        product: '电子材料',
      },
    ],
  },
  {
    name: '阳谷县高端化工产业链',
    official: ['陈建国（示例）', '阳谷县副县长（示例）'],
    nameEn: 'Yanggu high-end chemicals',
    scope: 'county',
    region: YANGGU,
    leaders: ['华泰化工'],
    parks: [],
    target: [4, 1_000_000_000],
    up: [{ name: '基础化工原料', codes: ['261', '2614'], kw: ['基础化工', '有机原料'], product: '化学' }],
    mid: [
      {
        name: '精细化工',
        codes: ['266', '2661'],
        kw: ['精细化工', '助剂', '化学试剂'],
        attach: ['高端化工·精细化工', '高端化工'],
        product: '精细化工',
        pri: 'high',
      },
      {
        name: '化工新材料',
        codes: ['265', '2651'],
        kw: ['合成树脂', '新材料', '工程塑料'],
        attach: ['高端化工·新材料'],
        product: '新材料',
      },
    ],
    down: [
      { name: '医药中间体', codes: ['2710'], kw: ['医药中间体', '原料药'], product: '医药化工' },
      { name: '涂料与胶黏剂', codes: ['2641', '2669'], kw: ['涂料', '胶黏剂'], product: '涂料' },
    ],
  },
  {
    name: '阳谷县绿色食品产业链',
    official: ['赵敏（示例）', '阳谷县副县长（示例）'],
    nameEn: 'Yanggu green food',
    scope: 'county',
    region: YANGGU,
    leaders: ['金蔡伦集团'],
    parks: [['绿色食品产业园', '阳谷县园区']],
    target: [5, 600_000_000],
    up: [
      {
        name: '种植养殖基地',
        codes: ['01', '03'],
        kw: ['种植基地', '养殖基地', '绿色农产品'],
        product: '农业',
      },
    ],
    mid: [
      {
        name: '农副食品加工',
        codes: ['13', '135'],
        kw: ['农副食品', '肉制品', '粮油加工'],
        attach: ['绿色食品·农副食品加工', '绿色食品'],
        product: '食品',
        pri: 'high',
      },
      {
        name: '方便食品',
        codes: ['143', '1431'],
        kw: ['方便食品', '速冻食品', '面制品'],
        attach: ['绿色食品·方便食品'],
        product: '方便食品',
      },
    ],
    down: [
      { name: '冷链与配送', kw: ['冷链物流', '食品配送'], product: '冷链' },
      { name: '品牌与电商', kw: ['农产品电商', '品牌营销'], product: '农品电商' },
    ],
  },
];

/**
 * The city's 12 key chains: the page gives only the count, so every name here is invented
 * (is_sample). They are listed without links; the zone's and Yanggu's chains above carry the work.
 */
export const CITY_KEY_CHAINS = [
  '有色金属及金属深加工',
  '高端装备制造',
  '新能源汽车及零部件',
  '轴承及精密零部件',
  '精细化工及新材料',
  '生物医药',
  '绿色食品',
  '宠物食品及用品',
  '纸制品及包装',
  '纺织服装',
  '新一代信息技术',
  '文化旅游',
].map((n) => `聊城市重点产业链：${n}`);
