// Whom a sentence is about when it names no project. A sentence whose subject is a park, a county or a
// count of firms ("1-8月，园区90户规上企业实现工业总产值53.93亿元，完成固定资产投资22.83亿元") reports
// statistics of the place: its figures and stages are no facts of the project in focus before it.

/** A period, then a place or the firms of a place as the subject. */
const PLACE_SUBJECT =
  /^(?:(?:\d{4}年(?:度)?)?(?:\d{1,2}[-—–~至到]\d{1,2}月份?|[一二三四上下]半?[季年]度?|今年以来|截至[^，,]{1,8})?[，,]?)?(?:全[区县市镇乡省]|园区|开发区|高新区|经开区|该园区|该区|该县|我县|我市|我区|全区上下|\d+户|\d+家)/;

export function isAboutPlace(sentence: string): boolean {
  return PLACE_SUBJECT.test(sentence.trimStart());
}
