/**
 * UI strings of the bulk firm import (批量导入, issue 4's large-file path) on the firms page.
 * Spread into `zh.ts`; `bulk-import.en.ts` must give every key.
 */
export const bulkImportZh = {
  'bulk.open': '批量导入（大文件）',
  'bulk.title': '批量导入企业（大文件）',
  'bulk.hint':
    '用于整份企业名录（数十万至数百万行）：CSV（UTF-8 或 GBK）或 xlsx，表头与企业模板相同（中文或英文，顺序不限），文件不超过 {gb} GB。',
  'bulk.batchRule':
    '文件按批导入，每批要么全部写入，要么（只要有一行有误）整批不写入；其他批次照常写入。有误的行会列在问题报告中：修改这些行后，只需把它们单独再导入一次。',
  'bulk.closeHint': '导入在服务器上进行，关闭本窗口不会中断；再次打开可查看进度。',
  'bulk.dropHere': '点击或拖拽 .csv / .xlsx 文件到此处',
  'bulk.tooLarge': '文件超过 {gb} GB，请拆分后分别导入',
  'bulk.batchSize': '每批行数',
  'bulk.start': '上传并开始',
  'bulk.uploading': '正在上传 {done} / {total} MB',
  'bulk.cancelUpload': '取消上传',
  'bulk.state': '状态',
  'bulk.state.running': '导入中',
  'bulk.state.stopping': '正在停止（当前批次完成后）',
  'bulk.state.stopped': '已停止，可继续',
  'bulk.state.failed': '失败',
  'bulk.state.done': '已完成',
  'bulk.file': '文件',
  'bulk.rowsRead': '已读取行数',
  'bulk.batchesCommitted': '已写入批次',
  'bulk.batchesFailed': '未写入批次',
  'bulk.errorRows': '有误行数',
  'bulk.outcome': '新增 / 更新 / 无变化',
  'bulk.rate': '速度',
  'bulk.rateValue': '{rate} 行/秒',
  'bulk.committedUpTo': '已写入至第 {row} 行',
  'bulk.stop': '停止',
  'bulk.resume': '继续',
  'bulk.report': '下载问题报告',
  'bulk.reportFile': '批量导入报告',
  'bulk.new': '新的导入',
} as const;
