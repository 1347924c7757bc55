// A firm as the subject of a stage: "某印业有限公司已经竣工投产", "某设备有限公司办公楼…，一期厂房主体框架
// 基本完工". Local news often reports a plant by its firm alone, with no "…项目" anywhere in the
// sentence; the firm's works are then the project ("某印业有限公司项目").

import type { FirmMention } from './entity-extractor';
import type { ProjectNameMention } from './project-name-mention';
import { findStages } from './stage-signal';

/** Stages that say something was built or runs; 签约 with a firm is a deal between parties, not a plant. */
const WORKS_STAGE = new Set(['开工', '在建', '主体完工', '竣工验收', '设备调试', '试生产', '投产']);
/** What may stand before the firm when it is the sentence's subject (…的某公司, 。某公司). */
const SUBJECT_START = /(?:^|[。，,；;：:\n]|的)$/;
/**
 * What after the firm says it is not the owner of the works: a builder (承建的体育馆已竣工) or one of
 * a group of firms (…等5家企业已建成投产).
 */
const NOT_OWNER = /^(?:承建|施工|中标|设计|监理|代建|负责建设|等)/;
/** How far after the firm its stage may be, in characters: one or two clauses about its works. */
const REACH = 60;

/**
 * Project mentions for firms that are the subject of a stage in their sentence, when that sentence
 * names no project itself. `taken` says whether a span is already part of another name.
 */
export function findFirmProjects(
  text: string,
  firms: readonly FirmMention[],
  taken: (start: number, end: number) => boolean,
): ProjectNameMention[] {
  const out: ProjectNameMention[] = [];
  for (const f of firms) {
    if (f.source === 'enumeration' || taken(f.start, f.end)) continue;
    if (!SUBJECT_START.test(text.slice(Math.max(0, f.start - 1), f.start))) continue;
    const sentenceEnd = text.slice(f.end).search(/[。\n]/);
    const rest = text.slice(f.end, f.end + Math.min(REACH, sentenceEnd < 0 ? REACH : sentenceEnd));
    // A sentence that names a project, another firm or a future plan is read by the other rules.
    if (/项目|公司|集团/.test(rest) || NOT_OWNER.test(rest)) continue;
    const stage = findStages(rest).find((s) => WORKS_STAGE.has(s.stage) && !s.planned);
    if (!stage) continue;
    const phase = /^[一二三四五]期/.exec(rest)?.[0] ?? '';
    out.push({
      name: phase ? `${f.name}${phase}` : `${f.name}项目`,
      start: f.start,
      end: f.end + phase.length,
      reference: false,
      anaphoric: false,
      aggregate: false,
      companyHint: f.name,
    });
  }
  return out;
}
