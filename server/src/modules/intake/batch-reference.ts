// A later sentence that points back to a batch by its count ("此次集中开工重点项目57个。……在这57个
// 项目中，…包括A、B、C") speaks of that batch's members: the projects it names take the stage the batch
// was reported with, though the sentence itself has no stage word.

import type { Sentence } from './clean-text';
import type { ProjectBuilder, TensedStage } from './project-builder';
import type { StageMention } from './stage-signal';

/**
 * "其中桐城市2个，分别为…", "迎江区1个，为…", "临空经济区3个：A、B、C；": a sentence that counts off
 * members of the batch just counted (by place, no stage word of its own) names projects of that batch.
 */
const MEMBER_COUNT =
  /^(?:其中[，,]?)?[\u4e00-\u9fff]{1,10}?(?:\d{1,3}|[一二两三四五六七八九十]+)个(?:[，,](?:分别)?(?:为|是|包括)|[:：])/;

/**
 * "此次共签约10个项目，…。其中，A项目总投资2亿元，…": a sentence opened by 其中 right after a batch was
 * counted names one of its members.
 */
const MEMBER_OPENER = /^其中[，,:：]/;

/** The stage each batch counted (N个) in a sentence was reported with, when reached, in order. */
function countedBatchStages(
  text: string,
  s: Sentence,
  stages: readonly StageMention[],
  isPlanned: (st: StageMention, s: Sentence) => boolean,
): StageMention[] {
  const own = text.slice(s.start, s.end);
  const counted = /(?:\d+|[一二两三四五六七八九十]+)个/g;
  const out: StageMention[] = [];
  for (let m = counted.exec(own); m; m = counted.exec(own)) {
    const clause = clauseAround(text, s.start + m.index, s);
    const st = stages.find((x) => x.start >= clause.start - 12 && x.end <= clause.end && x.start >= s.start);
    if (st && !isPlanned(st, s)) out.push(st);
  }
  return out;
}

/** The stage of the nearest batch counted (N个) in the sentences given, latest first. */
function recentBatchStage(
  text: string,
  recent: readonly Sentence[],
  stages: readonly StageMention[],
  isPlanned: (st: StageMention, s: Sentence) => boolean,
): { stage: StageMention; sentence: Sentence } | null {
  for (const s of [...recent].reverse()) {
    const [first] = countedBatchStages(text, s, stages, isPlanned);
    if (first) return { stage: first, sentence: s };
  }
  return null;
}

/**
 * The one step the batches counted in a sentence (its run of ；-clauses) were reported with: none when
 * they took different steps (签约项目12个…；开工项目8个…), as a 其中 after them may speak of either.
 */
function soleBatchStage(
  text: string,
  run: readonly Sentence[],
  stages: readonly StageMention[],
  isPlanned: (st: StageMention, s: Sentence) => boolean,
): { stage: StageMention; sentence: Sentence } | null {
  const found = run.flatMap((s) => countedBatchStages(text, s, stages, isPlanned).map((st) => ({ st, s })));
  const [first] = found;
  if (!first || found.some((x) => x.st.stage !== first.st.stage)) return null;
  return { stage: first.st, sentence: first.s };
}

/** "在这57个项目中", "上述12个项目", "这些…": a demonstrative with the batch's count. */
const COUNT_REFERENCE = /(?:这|该|此|上述|以上)(\d{1,4})个(?:[^，,。；;]{0,6})?项目/;

/** Where the clause around `at` begins and ends (commas, semicolons and full stops end it). */
function clauseAround(text: string, at: number, sentence: Sentence): { start: number; end: number } {
  let start = at;
  while (start > sentence.start && !/[，,；;。：:]/.test(text[start - 1] ?? '')) start--;
  let end = at;
  while (end < sentence.end && !/[，,；;。：:]/.test(text[end] ?? '')) end++;
  return { start, end };
}

/** The stage a batch of `count` projects was reported with in a sentence before `before`, if any. */
function batchStage(
  text: string,
  sentences: readonly Sentence[],
  stages: readonly StageMention[],
  isPlanned: (st: StageMention, s: Sentence) => boolean,
  count: string,
  before: number,
): { stage: StageMention; sentence: Sentence } | null {
  const counted = new RegExp(`(?<!\\d)${count}个`, 'g');
  for (const s of [...sentences].reverse()) {
    if (s.end > before) continue;
    counted.lastIndex = 0;
    for (let m = counted.exec(text.slice(s.start, s.end)); m; m = counted.exec(text.slice(s.start, s.end))) {
      const clause = clauseAround(text, s.start + m.index, s);
      const st = stages.find((x) => x.start >= clause.start && x.end <= clause.end);
      if (st && !isPlanned(st, s)) return { stage: st, sentence: s };
    }
  }
  return null;
}

/** The first sentence of the run of ；-clauses sentence `i` belongs to, within its paragraph. */
function runHead(text: string, sentences: readonly Sentence[], i: number): number {
  let h = i;
  for (let prev = sentences[h - 1]; prev; prev = sentences[h - 1]) {
    const cur = sentences[h] as Sentence;
    if (prev.paragraph !== cur.paragraph || text[prev.end - 1] !== '；') break;
    h--;
  }
  return h;
}

/**
 * Gives the projects named in a sentence that refers back to a counted batch (and has no stage word
 * of its own) the stage of that batch.
 */
export function stageMembersOfCountedBatch(
  text: string,
  sentences: readonly Sentence[],
  stages: readonly StageMention[],
  isPlanned: (st: StageMention, s: Sentence) => boolean,
  projects: readonly ProjectBuilder[],
): void {
  for (const [i, s] of sentences.entries()) {
    // A stage stated only as planned (计划建成) leaves the sentence's projects to their batch.
    if (stages.some((x) => x.start >= s.start && x.end <= s.end && !isPlanned(x, s))) continue;
    const own = text.slice(s.start, s.end);
    const ref = COUNT_REFERENCE.exec(own);
    const found = ref?.[1]
      ? batchStage(text, sentences, stages, isPlanned, ref[1], s.start)
      : MEMBER_COUNT.test(own)
        ? recentBatchStage(text, sentences.slice(Math.max(0, i - 3), i), stages, isPlanned)
        : MEMBER_OPENER.test(own) && i > 0
          ? // "签约项目12个…；开工项目8个…。其中，…": the batches of the run of ；-clauses before it.
            soleBatchStage(text, sentences.slice(runHead(text, sentences, i - 1), i), stages, isPlanned)
          : null;
    if (!found) continue;
    const stage: TensedStage = { ...found.stage, planned: false };
    for (const b of projects) {
      if (b.aggregate || b.first.start < s.start || b.first.start >= s.end) continue;
      if (!b.stages.some((x) => !x.planned)) b.stages.push(stage);
    }
  }
}

/** Openers of a list of projects at the head of a ；-separated list. */
const SEMICOLON_LIST_OPENER = /(?:主要包括|包括|分别是|分别为|主要有|其中有|如下)[:：]?/;

/**
 * "本次开工项目包括：A生产线；B基地；C产业园。": the items after the first ； are sentences of their own to
 * the splitter (numbered items on lines of their own, paragraphs too), with no stage word; the stage
 * the list's first item took from its batch is theirs too.
 */
export function stageItemsOfSemicolonList(
  text: string,
  sentences: readonly Sentence[],
  stages: readonly StageMention[],
  projects: readonly ProjectBuilder[],
): void {
  const inSentence = (b: ProjectBuilder, s: Sentence) =>
    !b.aggregate && b.first.start >= s.start && b.first.start < s.end;
  for (const [i, s] of sentences.entries()) {
    const own = text.slice(s.start, s.end);
    const opener = SEMICOLON_LIST_OPENER.exec(own);
    if (!/[；;]$/.test(own) || !opener) continue;
    const listStart = s.start + opener.index;
    const first = projects.find((b) => inSentence(b, s) && b.first.start > listStart && b.stages.length > 0);
    const stage = first?.stages.find((x) => !x.planned);
    if (!stage) continue;
    for (let j = i + 1; j < sentences.length; j++) {
      const next = sentences[j] as Sentence;
      // A numbered item on a line of its own goes on with the list across the paragraph mark.
      const ownLine = /^\s*(?:[（(]?\d{1,2}[.、．)）]|[①②③④⑤⑥⑦⑧⑨⑩])/.test(text.slice(next.start, next.end));
      if (next.paragraph !== s.paragraph && !ownLine) break;
      if (stages.some((x) => x.start >= next.start && x.end <= next.end)) break;
      for (const b of projects) if (inSentence(b, next) && b.stages.length === 0) b.stages.push(stage);
      if (!/[；;]$/.test(text.slice(next.start, next.end))) break;
    }
  }
}
