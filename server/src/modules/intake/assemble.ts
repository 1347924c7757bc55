// Reads one article's cleaned text sentence by sentence and ties the facts found by the rule modules to
// projects. The rules of attachment, in order: a fact belongs to the nearest project named before it in
// its sentence, else the nearest named after it; a quote that opens a paragraph belongs to the project
// the paragraph then names ("…预计年底竣工验收。”在年产10万吨…项目现场，负责人说); otherwise to the
// project in focus if it was mentioned within the last few sentences, unless the sentence is about
// another firm, in which case the fact is kept for that firm and joins its project later.

import { type FirmFacts, finishProjects } from './assemble-finish';
import { placeSentenceParks } from './assemble-parks';
import { isPlannedStage, listTotalBefore } from './assemble-rules';
import {
  type Assembled,
  type AssembleInput,
  COMPANY_VERBS,
  MAX_PROJECTS,
  OWN_AMOUNT_BEFORE,
} from './assemble-shape';
import { placeSentenceStages } from './assemble-stages';
import { readTokens } from './assemble-tokens';
import { stageItemsOfSemicolonList, stageMembersOfCountedBatch } from './batch-reference';
import { lastBreakBefore, type Sentence, startingIn } from './clean-text';
import { attachSentenceDates } from './date-events';
import type { FirmMention } from './entity-extractor';
import {
  amountOwners,
  isCountedClause,
  isWholeOfPartAfter,
  joinedProject,
  ofProjectKind,
} from './figure-scope';
import {
  anaphorAntecedent,
  anotherFirmsProject,
  inheritPhaseFirms,
  isArrivingFirm,
  namedAsInvestor,
  projectNamedForFirm,
  semicolonClause,
} from './firm-attachment';
import { type FirmCluster, isGovernment } from './firm-clusters';
import { isGuestsFirm, isSigningCounterpart, soleSigner } from './firm-roles';
import type { RoledMoney } from './money-roles';
import {
  addName,
  newBuilder,
  otherHeadFirm,
  type ProjectBuilder,
  similarProjectNames,
  type TensedStage,
} from './project-builder';
import { namedProject, type ProjectNameMention } from './project-name-mention';
import { isLineCount, type JobsToken } from './quantity-parser';
import { isAboutPlace, projectBuiltByAmount, projectOfOpeningFirm } from './sentence-subject';
import type { StageMention } from './stage-signal';

export function assemble(input: AssembleInput): Assembled {
  const { clean, firms, clusterOf } = input;
  const text = clean.text;
  const { todayKey, sentences, caps, names, money, jobs, dates, stages, parks, people } = readTokens(
    text,
    firms,
    input.articleDate,
  );
  const projects: ProjectBuilder[] = [];
  const firmFacts: FirmFacts = new Map();
  const sentenceProject = new Map<number, ProjectBuilder>();
  let current: ProjectBuilder | null = null;
  const explicitBuilder = new Map<ProjectNameMention, ProjectBuilder>();
  /** The last firm (legal name) that signed an investment agreement, until a project takes it. */
  let signingFirm: { firm: FirmMention; sentence: number } | null = null;

  const within = <T extends { start: number }>(xs: readonly T[], s: { start: number; end: number }) =>
    startingIn(xs, s.start, s.end);
  const paragraphStart = new Map<number, number>();
  for (const s of sentences) if (!paragraphStart.has(s.paragraph)) paragraphStart.set(s.paragraph, s.start);
  const companyName = (f: FirmMention) => clusterOf(f)?.name ?? f.name;
  const listedBuilders = (ns: readonly ProjectNameMention[]) =>
    ns.map((n) => explicitBuilder.get(n)).filter((x): x is ProjectBuilder => x !== undefined && !x.aggregate);

  // The projects named so far in the sentence being read: a name that brings its own amount (总投资1.65亿元
  // 的西安航天基地创业服务中心项目，总投资3.2亿元的西安航天基地热能…项目) is another item of the list, not the
  // project of the same sentence whose name merely starts alike.
  let namedIn = { si: -1, builders: new Set<ProjectBuilder>() };
  const resolveExplicit = (n: ProjectNameMention, si: number): ProjectBuilder => {
    if (namedIn.si !== si) namedIn = { si, builders: new Set() };
    const fromFirm = n.companyHint !== null && n.name === `${n.companyHint}项目`;
    const ownAmount = OWN_AMOUNT_BEFORE.test(text.slice(Math.max(0, n.start - 24), n.start));
    let b: ProjectBuilder | undefined;
    // The project in focus: read in the last few sentences, or named earlier in this one (its
    // lastSentence is set only once the sentence is read).
    if (n.anaphoric && current && (current.lastSentence >= si - 3 || namedIn.builders.has(current)))
      b = current;
    b ??= projects.find((p) => {
      const loose = !(ownAmount && namedIn.builders.has(p));
      return (
        !p.aggregate &&
        !otherHeadFirm(p, n.companyHint) &&
        (similarProjectNames(p.name, n.name, loose) ||
          [...p.aliases].some((a) => similarProjectNames(a, n.name, loose)))
      );
    });
    // Past this many projects the text is not an article; later names join the last project.
    if (!b && projects.length >= MAX_PROJECTS) b = projects[projects.length - 1];
    if (b) {
      addName(b, n.name, fromFirm);
      b.mentions.push({ start: n.start, end: n.end });
    } else {
      b = newBuilder(n.name, n.start, n.end);
      b.nameFromFirm = fromFirm;
      b.headFirm = n.companyHint;
      projects.push(b);
    }
    explicitBuilder.set(n, b);
    namedIn.builders.add(b);
    if (n.companyHint) {
      const f = firms.find((x) => x.start >= n.start && x.end <= n.end);
      b.companies.set(f ? companyName(f) : n.companyHint, {
        start: n.start,
        end: n.start + n.companyHint.length,
      });
    }
    return b;
  };

  const isPlanned = (st: StageMention, s: Sentence) => isPlannedStage(text, dates, todayKey, st, s);

  const readSentence = (sent: Sentence, sIndex: number, forced: ProjectBuilder | null) => {
    const resolved: Array<{ pos: number; b: ProjectBuilder; explicit: boolean }> = [];
    let aggregateAt = -1;
    let aggregateB: ProjectBuilder | null = null;
    const inScope = current !== null && current.lastParagraph === sent.paragraph;
    for (const n of forced ? [] : within(names, sent)) {
      if (n.aggregate) {
        if (aggregateAt < 0) {
          aggregateAt = n.start;
          const cs = Math.max(lastBreakBefore(text, n.start, '，。', 60), sent.start - 1) + 1;
          aggregateB = newBuilder(`${text.slice(cs, n.end).slice(-30)}(合计)`, cs, n.end, true);
          projects.push(aggregateB);
        }
        continue;
      }
      if (n.reference) {
        // "新签约项目中，…", "开工项目中": among a kind of projects is a batch, not the project in focus.
        if (text[n.end] === '中' && !/[该此本这]一?个?$/.test(text.slice(n.start - 3, n.start))) continue;
        // "竣工项目254个，总投资730亿元，项目涵盖…": after a batch counted in the sentence, "the projects"
        // are that batch's, not the project in focus.
        if (aggregateAt >= 0 && aggregateAt < n.start) continue;
        if (current && inScope) resolved.push({ pos: n.start, b: current, explicit: false });
        else if (signingFirm && signingFirm.sentence >= sIndex - 1 && !n.aggregate) {
          // "A公司与管委会签订投资协议。该项目总投资1.8亿元": the project referred to is that firm's.
          const f = signingFirm.firm;
          const b = resolveExplicit(namedProject(`${f.name}项目`, f.start, f.end, f.name), sIndex);
          b.nameFromFirm = true;
          resolved.push({ pos: n.start, b, explicit: true });
          current = b;
          signingFirm = null;
        }
        continue;
      }
      const b = resolveExplicit(n, sIndex);
      resolved.push({ pos: n.start, b, explicit: true });
      current = b;
    }
    const sFirms = within(firms, sent).filter(
      (f) =>
        !isGovernment(f.name) && !isSigningCounterpart(text, f, sent.end) && !isGuestsFirm(text, f, sent),
    );
    const signer = soleSigner(text, sFirms, sent);
    if (signer) signingFirm = { firm: signer, sentence: sIndex };
    // A sentence that names no project but opens with the firm of one named before speaks of it.
    const ofFirm =
      forced || resolved.some((r) => r.explicit)
        ? undefined
        : projectOfOpeningFirm(text, sent, sFirms, projects);
    if (ofFirm) {
      resolved.push({ pos: ofFirm.at, b: ofFirm.project, explicit: true });
      current = ofFirm.project;
    }
    const sMoney = within(money, sent);
    const listTotals = new Set<RoledMoney>();
    // A firm that invests with no project named: the firm's own project (湖北合聚…有限公司，投资总额…).
    // "计划投资金额共17.5亿元": a total over several firms is a batch figure, not one project's.
    for (const m of sMoney) {
      const lead = text.slice(Math.max(0, m.start - 3), m.start).replace(/[约近超达]$/, '');
      // "包括A、B、C等，总投资额76.85亿元": a figure right after a list of names is the list's total too.
      const ofList = listTotalBefore(text, within(names, sent), sent, m.start).length > 0;
      if (ofList) listTotals.add(m);
      const counted =
        ofList || /(?:共|合计|总计|累计)$/.test(lead) || isCountedClause(text, sent.start, m.start);
      if (aggregateAt < 0 && m.role === 'investment' && counted) {
        aggregateAt = m.start - 1;
        aggregateB = newBuilder(`${text.slice(sent.start, m.end).slice(-30)}(合计)`, m.start, m.end, true);
        projects.push(aggregateB);
      }
    }
    const inv = sMoney.find((m) => m.role === 'investment' && !(aggregateAt >= 0 && m.start > aggregateAt));
    if (!forced && !resolved.some((r) => r.explicit) && inv) {
      const subj = [...sFirms].reverse().find((f) => f.start < inv.start);
      const known = subj ? projectBuiltByAmount(text, inv.end, projects) : undefined;
      if (known) {
        resolved.push({ pos: known.at, b: known.project, explicit: true });
        current = known.project;
      } else if (subj) {
        const cname = companyName(subj);
        // "项目于…签约，投资主体为A公司": a firm the text names as the investor is the focus project's.
        const roleOfFocus = current && !current.aggregate && current.lastSentence >= sIndex - 4;
        if (
          current &&
          ((inScope && (current.companies.has(cname) || resolved.length > 0)) ||
            (roleOfFocus && namedAsInvestor(text, subj)))
        ) {
          if (resolved.length === 0) resolved.push({ pos: subj.start, b: current, explicit: false });
        } else {
          const b = resolveExplicit(
            namedProject(`${subj.name}项目`, subj.start, subj.end, subj.name),
            sIndex,
          );
          b.nameFromFirm = true;
          resolved.push({ pos: subj.start, b, explicit: true });
          for (const r of resolved) if (!r.explicit) r.b = b;
          current = b;
        }
      }
    }
    const foreignFirm = sFirms.find((f) => !current?.companies.has(companyName(f)));
    const aboutPlace = isAboutPlace(text.slice(sent.start, sent.end));
    const hasSemicolon = /[；;]/.test(text.slice(sent.start, sent.end));
    const target = (pos: number): ProjectBuilder | null => {
      if (forced) return forced;
      // A ；-clause that names its own project after `pos` is that project's, not the earlier clause's
      // (nor the batch an earlier clause counted: "开工A、B等项目6个；竣工C、D等项目4个").
      const cl = hasSemicolon ? semicolonClause(text, sent, pos) : sent;
      const ahead = resolved.find((r) => r.explicit && r.pos > pos && r.pos < cl.end);
      const ownClause =
        ahead !== undefined &&
        !resolved.some((r) => r.pos >= cl.start && r.pos <= pos) &&
        cl.start > sent.start;
      if (
        aggregateB &&
        pos > aggregateAt &&
        !resolved.some((r) => r.explicit && r.pos > aggregateAt && r.pos < pos) &&
        !(ownClause && cl.start > aggregateAt)
      )
        return aggregateB;
      if (ownClause) return ahead.b;
      const before = resolved.filter((r) => r.pos <= pos);
      if (before.length > 0) return before[before.length - 1]?.b ?? null;
      const first = resolved[0];
      if (first) return isWholeOfPartAfter(text, pos, first.pos) ? null : first.b;
      if (aggregateB) return aggregateB;
      if (current && inScope && !foreignFirm && !aboutPlace) return current;
      return null;
    };
    // The firm a fact is about: named before it in the sentence, else in it, else earlier in the paragraph.
    const paraStart = paragraphStart.get(sent.paragraph) ?? sent.start;
    const firmOf = (pos: number) =>
      [...sFirms].reverse().find((f) => f.start < pos) ??
      sFirms[0] ??
      startingIn(firms, paraStart, sent.start)
        .reverse()
        .find((f) => !isGovernment(f.name));
    const keepForFirm = (pos: number): FirmCluster | undefined => {
      const f = firmOf(pos);
      return f ? clusterOf(f) : undefined;
    };
    const touch = (b: ProjectBuilder) => {
      b.lastSentence = sIndex;
      b.lastParagraph = sent.paragraph;
      sentenceProject.set(sIndex, b);
    };
    for (const r of resolved) touch(r.b);
    for (const f of sFirms) {
      if (isArrivingFirm(text, f)) continue;
      const named = projectNamedForFirm(text, f, resolved);
      if (named === 'unread') continue;
      const b = named ?? target(f.start);
      // A firm its own name already ties to another project of the sentence is not this one's too.
      const owned = resolved.some((r) => r.b !== b && r.explicit && r.b.companies.has(companyName(f)));
      if (
        b &&
        !(owned || b.aggregate || anotherFirmsProject(text, b, f, companyName(f), named, resolved)) &&
        (COMPANY_VERBS.test(text.slice(sent.start, sent.end)) || resolved.length > 0)
      ) {
        if (!b.companies.has(companyName(f))) b.companies.set(companyName(f), { start: f.start, end: f.end });
      }
    }
    // "A有限公司是一家…企业。今年企业…新建B项目": "the firm" as subject is the firm named just before.
    const firstNamed = resolved.find((r) => r.explicit && !r.b.aggregate)?.b;
    const antecedent = sFirms.length === 0 ? anaphorAntecedent(text, firms, paraStart, sent.start) : null;
    if (antecedent && firstNamed?.companies.size === 0)
      firstNamed.companies.set(companyName(antecedent), { start: antecedent.start, end: antecedent.end });
    // "总投资153亿元的兴泉铁路项目": an amount joined by 的 to the name after it is that project's;
    // "投资超20亿元的重大产业项目": an amount of a kind of project (no name) belongs to none of them.
    const namedAfter = (end: number) => joinedProject(text, end, resolved)?.b ?? null;
    const ofGeneric = (end: number) => !namedAfter(end) && ofProjectKind(text, end, within(names, sent));
    const owners = amountOwners(text, sMoney, within(names, sent));
    for (const [mi, m] of sMoney.entries()) {
      // A listed name its amount is given to (分别), or the batch of a bare list it qualifies as a whole.
      const owner = owners.get(mi);
      if (ofGeneric(m.end) || (owner === 'list' && !aggregateB)) continue;
      const b =
        owner === 'list'
          ? aggregateB
          : ((owner && explicitBuilder.get(owner)) ??
            namedAfter(m.end) ??
            (listTotals.has(m) ? aggregateB : null) ??
            target(m.start));
      if (!b) {
        const fc = keepForFirm(m.start);
        if (fc && m.role === 'exports') firmFacts.set(fc, { ...firmFacts.get(fc), exports: m });
        continue;
      }
      touch(b);
      if (m.role === 'investment' && !b.investment) b.investment = m;
      else if (m.role === 'output_value' && !b.output) b.output = m;
      else if (m.role === 'tax' && !b.tax) b.tax = m;
      else if (m.role === 'exports' && !b.exports) b.exports = m;
    }
    for (const c of within(caps, sent)) {
      const b = target(c.start);
      if (b && !b.aggregate) {
        // A count of production lines (建设生产线1条) gives way to an output figure (年产不锈钢18万吨).
        if (!b.capacity || (isLineCount(b.capacity) && !isLineCount(c))) b.capacity = c;
        touch(b);
      } else if (!b) {
        const fc = keepForFirm(c.start);
        if (fc && !firmFacts.get(fc)?.capacity) firmFacts.set(fc, { ...firmFacts.get(fc), capacity: c });
      }
    }
    for (const j of within(jobs, sent) as JobsToken[]) {
      const b = target(j.start);
      if (b && !b.jobs) b.jobs = j;
    }
    const sStages = within(stages, sent).map((st): TensedStage => ({ ...st, planned: isPlanned(st, sent) }));
    placeSentenceStages({
      text,
      sent,
      sStages,
      sNames: within(names, sent),
      resolved,
      aggregateB,
      aggregateAt,
      target,
      listedBuilders,
      keepForFirm,
      firmFacts,
    });
    attachSentenceDates(text, sent, within(dates, sent), sStages, todayKey, target);
    placeSentenceParks({
      text,
      sParks: within(parks, sent),
      sNames: within(names, sent),
      names,
      builderOf: (n) => explicitBuilder.get(n),
      listedBuilders,
      target,
      keepForFirm,
      firmFacts,
    });
    for (const person of within(people, sent)) {
      const b = target(person.start);
      // Officials and executives quoted in the article are not the project's contact; only the person
      // the text names as its person in charge (项目负责人) is.
      if (b && !b.aggregate && /负责人/.test(person.title)) b.contacts.push(person);
    }
  };

  const paragraphs = new Map<number, Sentence[]>();
  for (const s of sentences) paragraphs.set(s.paragraph, [...(paragraphs.get(s.paragraph) ?? []), s]);
  const leadSentences = sentences.slice(0, 2);

  let si = -1;
  for (const [, para] of paragraphs) {
    const paraStart = para[0]?.start ?? 0;
    const paraEnd = para[para.length - 1]?.end ?? 0;
    const paraNames = startingIn(names, paraStart, paraEnd);
    const firstExplicit = paraNames.find((n) => !n.reference && !n.aggregate);
    const quoteEnd = text[paraStart] === '“' ? text.indexOf('”', paraStart) : -1;
    const deferred: Sentence[] = [];
    // A paragraph that refers to "the project" without naming one continues the project in focus.
    const refersOnly = !firstExplicit && paraNames.some((n) => n.reference && !n.aggregate);
    const paragraphNo = para[0]?.paragraph ?? 0;
    const focus = current as ProjectBuilder | null; // assigned inside readSentence; TS cannot see that
    if (refersOnly && focus && focus.lastParagraph >= paragraphNo - 2) focus.lastParagraph = paragraphNo;
    for (const s of para) {
      si++;
      const sIndex = si;
      const quotedLead =
        quoteEnd > 0 && s.start < quoteEnd && firstExplicit !== undefined && firstExplicit.start > s.end;
      if (quotedLead) {
        deferred.push(s);
        continue;
      }
      readSentence(s, sIndex, null);
      const owner = firstExplicit ? explicitBuilder.get(firstExplicit) : undefined;
      if (deferred.length > 0 && owner) for (const d of deferred.splice(0)) readSentence(d, sIndex, owner);
    }
  }

  stageMembersOfCountedBatch(text, sentences, stages, isPlanned, projects);
  stageItemsOfSemicolonList(text, sentences, stages, projects);
  inheritPhaseFirms(text, projects);
  finishProjects({ text, names, sentences, leadSentences, firms, parks, dates, stages, projects, firmFacts });
  // A count of projects with no figure ("五个项目的成功签约") tells a reviewer nothing.
  const kept = projects.filter((b) => !b.aggregate || b.investment !== null);
  return { projects: kept, sentences, money, dates, parks, people, sentenceProject };
}
