// Whether the brand a project's name starts with is a firm, judged against the whole article. The tags of
// the word segmenter cannot tell a place or a park from a brand (华容/nr, 苏银/x); the article can: it
// writes the place with its administrative unit elsewhere (华容县), or the name goes on with a park word
// (苏银产业园莱卡氨纶纤维项目: the park where the project is, then the project).

/** Administrative units written right after a place name (not 市场, 区域, 县城's 城 is fine). */
const ADMIN_UNIT = /^(?:[省县乡]|市(?![场值民])|区(?![域位块间])|镇(?![定静]))/;
/** A park or zone word after the brand that the project's name then continues past. */
const PARK_THEN_NAME =
  /^(产业园区?|工业园区?|科技园|园区|经济技术开发区|经济开发区|开发区|高新区|经开区|新区)[\u4e00-\u9fffA-Za-z0-9]{2,}/;

/** A brand that is a place (华容 of 华容县) or a park heading the name (苏银 of 苏银产业园…). */
export function brandIsPlaceOrPark(text: string, projectName: string, brand: string): boolean {
  if (projectName.startsWith(brand) && PARK_THEN_NAME.test(projectName.slice(brand.length))) return true;
  for (let i = text.indexOf(brand); i >= 0; i = text.indexOf(brand, i + 1))
    if (ADMIN_UNIT.test(text.slice(i + brand.length, i + brand.length + 2))) return true;
  return false;
}

/** "苏银产业园莱卡氨纶纤维项目" → "莱卡氨纶纤维项目": the name past a park that heads it, or null. */
export function nameAfterHeadingPark(projectName: string, brand: string): string | null {
  if (!projectName.startsWith(brand)) return null;
  const m = PARK_THEN_NAME.exec(projectName.slice(brand.length));
  const park = m?.[1];
  return park ? projectName.slice(brand.length + park.length) : null;
}
