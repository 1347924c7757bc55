// Which project each stage of a sentence is the stage of: the project the sentence speaks of, every item
// of a list a batch's stage speaks for, or a firm's facts when no project is named. Apart from
// assemble.ts so that file stays a readable size, like assemble-parks.ts for parks.

import type { FirmFacts } from './assemble-finish';
import { namesStagedByBatch } from './assemble-rules';
import type { Sentence } from './clean-text';
import { isStatedBeforeNameClause } from './figure-scope';
import type { FirmCluster } from './firm-clusters';
import type { ProjectBuilder, TensedStage } from './project-builder';
import type { ProjectNameMention } from './project-name-mention';

export interface SentenceStages {
  text: string;
  sent: Sentence;
  /** The stages of the sentence, with whether each is planned. */
  sStages: readonly TensedStage[];
  /** The project names of the sentence. */
  sNames: readonly ProjectNameMention[];
  /** The projects the sentence's names resolved to, by position. */
  resolved: ReadonlyArray<{ pos: number; b: ProjectBuilder; explicit: boolean }>;
  /** The batch total the sentence counts, and where it starts (-1 when none). */
  aggregateB: ProjectBuilder | null;
  aggregateAt: number;
  target: (pos: number) => ProjectBuilder | null;
  listedBuilders: (ns: readonly ProjectNameMention[]) => ProjectBuilder[];
  keepForFirm: (pos: number) => FirmCluster | undefined;
  firmFacts: FirmFacts;
}

export function placeSentenceStages(s: SentenceStages): void {
  const { text, sent, resolved, aggregateB, aggregateAt, firmFacts } = s;
  for (const st of s.sStages) {
    // A step that ends a clause before any project or batch of the sentence is another subject's.
    const ahead = resolved[0];
    const othersStep =
      !st.planned &&
      ahead !== undefined &&
      ahead.pos > st.start &&
      !(aggregateB && aggregateAt < st.start) &&
      isStatedBeforeNameClause(text, st, ahead.pos);
    const b = othersStep ? null : s.target(st.start);
    // "…A、B、C等72个项目开工建设": the batch's stage is each listed project's stage too.
    // "A、B、C等续建项目": a stage word in the list's tail is the stage of every listed item.
    // The 等 must be this list's: "A、B等18个；竣工项目包括C" is a stage after the clause of another list.
    const etcAt = text.lastIndexOf('等', st.start);
    const listTail =
      aggregateAt >= 0 &&
      st.start < aggregateAt &&
      etcAt >= aggregateAt - 12 &&
      !/[，,。；;]/.test(text.slice(etcAt, st.start));
    if ((b?.aggregate && b === aggregateB) || listTail) {
      for (const r of resolved) if (r.explicit && r.pos < aggregateAt && !r.b.aggregate) r.b.stages.push(st);
    }
    // "联森产业园、半导体产业园等151个项目开工建设", "新开工…项目有22个，如A、B等": a batch's stage is
    // the stage of each project its list names, whichever batch of the sentence it is.
    // A stage that opens a list after it (竣工的有A、B) is the list's, not the project named before it.
    const staged = st.planned ? [] : namesStagedByBatch(text, s.sNames, sent, st);
    for (const lb of s.listedBuilders(staged))
      if (!lb.stages.some((x) => x.start === st.start)) lb.stages.push(st);
    // A batch total before the stage keeps it: the stage is what the counted batch did.
    const opensList = staged.length > 0 && staged.every((n) => n.start > st.start) && !b?.aggregate;
    if (b && !opensList && !(listTail && !b.aggregate) && !b.stages.some((x) => x.start === st.start))
      b.stages.push(st);
    else if (!b) {
      const fc = s.keepForFirm(st.start);
      if (fc) firmFacts.set(fc, { ...firmFacts.get(fc), stages: [...(firmFacts.get(fc)?.stages ?? []), st] });
    }
  }
}
