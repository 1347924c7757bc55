// One mention of a project name found in the text: shared by the name rules (project-names.ts,
// firm-projects.ts) and the assembler, in a file of its own so neither rule file imports the other.

export interface ProjectNameMention {
  name: string;
  start: number;
  end: number;
  /** 该项目 / 项目负责人 / 重点项目之一: refers to the project in focus, names nothing new. */
  reference: boolean;
  /** "这是一个年产5万吨的…项目": a new name for the project in focus. */
  anaphoric: boolean;
  /** "集中开工104个项目": a count of projects; facts in its clause are batch totals. */
  aggregate: boolean;
  /** A firm the name itself points at (瀚洋重工有限公司的项目, 自贡国泰华荣年产…). */
  companyHint: string | null;
}

/** A mention that names one project of its own (no reference, no batch). */
export function namedProject(
  name: string,
  start: number,
  end: number,
  companyHint: string | null,
): ProjectNameMention {
  return { name, start, end, reference: false, anaphoric: false, aggregate: false, companyHint };
}
