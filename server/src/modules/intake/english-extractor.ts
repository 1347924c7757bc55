// English passages (a zone's English site, China Daily, a listed firm's release): simple rules for
// the same result as the Chinese reader. A project is a noun phrase with a head noun (project, plant,
// park, base, line, factory …); figures (…billion yuan, tons a year, jobs) attach to the project named
// in their sentence, else to the one in focus; "24 key projects with a total investment of …" is a
// batch total. US dollars are not converted (the amount stays out of investmentCny).

import { type CleanText, toOriginal } from './clean-text';
import { findEnglishListItems, listedStage } from './english-lists';
import { findMentions, type Mention, sentences } from './english-mentions';
import {
  CAP,
  CAP_CUE,
  COMPANY,
  DATE_RE,
  isoDate,
  MONEY,
  MULT,
  NUMBER_WORDS,
  PARK,
  roleOf,
  shiftDays,
  stageOf,
} from './english-rules';
import { placeInOnlyZone } from './english-zone';
import type {
  ArticleExtraction,
  CapacityFact,
  DateFact,
  ExtractedProject,
  ExtractOptions,
  MoneyFact,
  NamedSpan,
  Span,
  StageFact,
} from './types';
import { STAGES } from './types';

/** Mostly Latin letters and few ideographs: read with the English rules. */
export function isEnglish(text: string): boolean {
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  return latin >= 40 && cjk < latin / 10;
}

/** A name without the article before it (the Mingyang … project → Mingyang … project). */
const withoutArticle = (name: string) => name.replace(/^(?:the|a|an)\s+/i, '');

/**
 * The article's ranges joined as they are (line breaks kept): the Chinese cleaning joins wrapped
 * lines without a space, which would glue English words ("yuan.The").
 */
function rawText(src: string, ranges: readonly Span[]): CleanText {
  const parts: string[] = [];
  const map: number[] = [];
  for (const r of ranges) {
    if (parts.length > 0) {
      parts.push('\n');
      map.push(r.start);
    }
    for (let i = r.start; i < r.end; i++) {
      parts.push(src[i] ?? ' ');
      map.push(i);
    }
  }
  return { text: parts.join(''), map };
}

/** Reads one English article into the common result shape; spans are offsets into `src`. */
export function extractEnglishArticle(src: string, ranges: Span[], opts: ExtractOptions): ArticleExtraction {
  const clean = rawText(src, ranges);
  const text = clean.text;
  const span = (s: number, e: number) => toOriginal(clean, s, e);
  const projects: ExtractedProject[] = [];
  const byName = new Map<string, ExtractedProject>();
  const firms = new Map<string, Span[]>();
  let focus: ExtractedProject | null = null;
  const articleDate = /^\d{4}-\d{2}-\d{2}$/.test(opts.articleDate ?? '') ? opts.articleDate : undefined;

  const projectFor = (m: Mention): ExtractedProject => {
    const key = m.name
      .toLowerCase()
      .replace(/^(?:the|a|an)\s+/, '')
      .replace(/\bof the\b/, 'of');
    // "Mingyang project" after "the Mingyang New Energy … Industrial Park project": a brand and the head
    // noun alone name the project that brand's longer name named before.
    const brand = /^([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+project$/.exec(withoutArticle(m.name))?.[1];
    const brandsOf = brand
      ? projects.filter((x) => !x.isAggregate && withoutArticle(x.name).startsWith(`${brand} `))
      : [];
    // Of two projects of the brand, the one in focus; else none.
    const branded = brandsOf.length === 1 ? brandsOf[0] : brandsOf.find((x) => x === focus);
    const known = m.aggregate ? undefined : (byName.get(key) ?? branded);
    if (known) {
      known.mentions.push(span(m.start, m.end));
      return known;
    }
    const p: ExtractedProject = {
      name: m.name,
      aliases: [],
      span: span(m.start, m.end),
      mentions: [],
      companies: [],
      capacity: null,
      investment: null,
      outputValue: null,
      tax: null,
      jobs: null,
      exports: null,
      stage: null,
      stages: [],
      park: null,
      dates: [],
      contacts: [],
      isAggregate: m.aggregate,
    };
    projects.push(p);
    if (!m.aggregate) byName.set(key, p);
    return p;
  };

  /** The stage of the report's headline or lead (35 projects … started; signing ceremony), if stated as done. */
  let leadStage: StageFact | null = null;
  let sentenceNo = 0;
  for (const s of sentences(text)) {
    const sentence = text.slice(s.start, s.end);
    const listed = findEnglishListItems(sentence, s.start);
    const mentions = [
      ...findMentions(text, s),
      ...listed.map((x) => ({ name: x.name, start: x.start, end: x.end, generic: false, aggregate: false })),
    ];
    const named = mentions.filter((m) => !m.generic || m.aggregate);
    // "the Vanyang Sci-tech Park, an industrial park renovation project in …": a phrase set off by a comma
    // and a/an right after a name describes that project; it is another name of it, not a new one.
    const inSentence: Array<{ m: Mention; p: ExtractedProject }> = [];
    for (const m of named) {
      const prev = inSentence.at(-1);
      const appositive =
        prev && !prev.m.aggregate && !m.aggregate && /^,\s+an?\s+$/i.test(text.slice(prev.m.end, m.start));
      if (appositive) {
        prev.p.aliases.push(m.name);
        prev.p.mentions.push(span(m.start, m.end));
      }
      inSentence.push({ m, p: appositive ? prev.p : projectFor(m) });
    }
    for (const m of mentions.filter((x) => x.generic && !x.aggregate))
      focus?.mentions.push(span(m.start, m.end));
    // The project a figure at `pos` belongs to: the nearest named before it in the sentence, else after, else focus.
    const owner = (pos: number): ExtractedProject | null => {
      // The nearest project named in the same clause (clauses end at ;), else the last before it.
      const clauseOf = (at: number) => sentence.slice(0, at - s.start).split(';').length;
      const sameClause = inSentence.filter((x) => clauseOf(x.m.start) === clauseOf(pos));
      const distance = (x: (typeof inSentence)[number]) =>
        x.m.end <= pos ? pos - x.m.end : x.m.start >= pos ? x.m.start - pos + 1 : 0;
      const nearest = [...sameClause].sort((a, b) => distance(a) - distance(b))[0];
      const before = inSentence.filter((x) => x.m.start <= pos).pop();
      // "Their total annual output …": a sentence about "them" speaks of the batch, not the one in focus.
      const ofBatch = /^\s*(?:Their|They|These|Those)\b/.test(sentence);
      const batch = projects.filter((x) => x.isAggregate).at(-1) ?? null;
      return nearest?.p ?? before?.p ?? inSentence[0]?.p ?? (ofBatch ? batch : focus);
    };
    // "the X project in Y county, which has an investment of 1.2 billion yuan, the Z project …", "A with a
    // total investment of 780 million yuan, B with …": money in a clause that modifies the name before it
    // is that name's, however close the next name stands.
    const postmodifierOwner = (pos: number): ExtractedProject | null => {
      const prev = inSentence.filter((x) => x.m.end <= pos).pop();
      if (!prev) return null;
      const between = text.slice(prev.m.end, pos);
      return /^[^.;]{0,60}?\b(?:which|that|with)\b[^.;,]{0,40}$/i.test(between) ? prev.p : null;
    };
    // "construction of south campus of No.1 Middle School with a total investment of 780 million yuan, …":
    // the same modifier after an item of a list that names no project is that item's money, nobody else's.
    const modifiesUnnamedItem = (pos: number): boolean => {
      const clauseStart = s.start + sentence.slice(0, pos - s.start).search(/[^,]*$/);
      const clause = text.slice(clauseStart, pos);
      return (
        inSentence.some((x) => x.m.start > pos) &&
        !inSentence.some((x) => x.m.start >= clauseStart && x.m.start < pos) &&
        /\S\s+(?:which|that|with)\b[^,]{0,40}$/i.test(clause)
      );
    };
    MONEY.lastIndex = 0;
    for (let m = MONEY.exec(sentence); m !== null; m = MONEY.exec(sentence)) {
      const raw = m[1] ?? m[3] ?? '';
      const unit = (m[2] ?? m[5] ?? '').toLowerCase();
      const value = (NUMBER_WORDS[raw.toLowerCase()] ?? Number(raw.replace(/,/g, ''))) * (MULT[unit] ?? 1);
      if (!Number.isFinite(value) || value < 1e5) continue;
      const max = m[4] ? Number(m[4].replace(/,/g, '')) * (MULT[unit] ?? 1) : null;
      const at = s.start + m.index;
      const role = roleOf(sentence.slice(0, m.index), sentence.slice(m.index + m[0].length));
      const p = postmodifierOwner(at) ?? (modifiesUnnamedItem(at) ? null : owner(at));
      if (!p || role === 'other') continue;
      const fact: MoneyFact = {
        yuan: Math.round(value),
        maxYuan: max === null ? null : Math.round(max),
        amount: value,
        currency: 'CNY',
        qualifier: /(?:about|approximately|around)\s*$/i.test(sentence.slice(0, m.index)) ? 'about' : null,
        asWritten: m[0],
        span: span(at, at + m[0].length),
      };
      if (role === 'investment' && !p.investment) p.investment = fact;
      else if (role === 'output' && !p.outputValue) p.outputValue = fact;
      else if (role === 'tax' && !p.tax) p.tax = fact;
    }

    // "the 5GW photovoltaic power generation project", "a 3,000-ton PPTA project": a size written as the
    // first word of a project's name, or right before it, is its capacity.
    for (const { m, p } of inSentence) {
      if (p.capacity || p.isAggregate) continue;
      const lead = /(\d[\d,]*(?:\.\d+)?)\s*-?\s*(gwh|mwh|gw|mw|kw|tons?|tonnes?|t)[\s-]*$/i.exec(
        text.slice(Math.max(s.start, m.start - 16), m.start),
      );
      const head = /^(\d[\d,]*(?:\.\d+)?)\s*-?\s*(gwh|mwh|gw|mw|kw|tons?|tonnes?|t)\b/i.exec(m.name);
      const q = head ?? lead;
      if (!q) continue;
      const at = head ? m.start : m.start - q[0].length;
      p.capacity = {
        items: [
          { value: Number((q[1] ?? '').replace(/,/g, '')), unit: (q[2] ?? '').toLowerCase(), product: null },
        ],
        asWritten: q[0].trim(),
        span: span(at, at + q[0].trim().length),
      };
    }
    if (CAP_CUE.test(sentence)) {
      CAP.lastIndex = 0;
      for (let m = CAP.exec(sentence); m !== null; m = CAP.exec(sentence)) {
        const p = owner(s.start + m.index);
        if (!p || p.capacity || p.isAggregate) continue;
        const value = Number((m[1] ?? '').replace(/,/g, '')) * (MULT[(m[2] ?? '').toLowerCase()] ?? 1);
        const at = s.start + m.index;
        const product = /\bof\s+(.+)$/.exec(m[0])?.[1] ?? null;
        const cap: CapacityFact = {
          items: [{ value, unit: (m[3] ?? '').toLowerCase(), product }],
          asWritten: m[0],
          span: span(at, at + m[0].length),
        };
        p.capacity = cap;
      }
    }

    const jobs = /(\d[\d,]*)\s+(?:new\s+)?(?:jobs|workers|employees)/i.exec(sentence);
    if (jobs) {
      const p = owner(s.start + jobs.index);
      if (p && !p.jobs) {
        const at = s.start + jobs.index;
        p.jobs = {
          count: Number((jobs[1] ?? '').replace(/,/g, '')),
          qualifier: /nearly\s*$/i.test(sentence.slice(0, jobs.index)) ? 'nearly' : null,
          asWritten: jobs[0],
          span: span(at, at + jobs[0].length),
        };
      }
    }

    const stage = stageOf(sentence);
    const targets = inSentence.length > 0 ? inSentence.map((x) => x.p) : focus ? [focus] : [];
    sentenceNo++;
    if (stage) {
      const at = s.start + stage.at;
      const fact: StageFact = {
        stage: stage.stage,
        planned: stage.planned,
        asWritten: stage.text,
        span: span(at, at + stage.text.length),
      };
      if (sentenceNo <= 2 && !fact.planned && (fact.stage === '开工' || fact.stage === '签约'))
        leadStage ??= fact;
      for (const p of targets) {
        p.stages.push(fact);
        if (!p.stage || (p.stage.planned && !fact.planned)) p.stage = fact;
      }
    }

    // A listed item's own verb ("…and other 20 projects were renewed") is its stage, not the sentence's first.
    for (const x of listed) {
      const p = inSentence.find((y) => y.m.start === x.start)?.p;
      const fact = p ? listedStage(x, span) : null;
      if (p && fact) [p.stage, p.stages] = [fact, [fact]];
    }

    DATE_RE.lastIndex = 0;
    for (let m = DATE_RE.exec(sentence); m !== null; m = DATE_RE.exec(sentence)) {
      const date = m[3]
        ? articleDate
          ? m[3].toLowerCase() === 'today'
            ? articleDate
            : shiftDays(articleDate, -1)
          : null
        : isoDate(m[1] ?? '', m[2] ?? '', articleDate);
      const at = s.start + m.index;
      const fact: DateFact = {
        date,
        precision: 'day',
        event: stage?.stage ?? null,
        stage: stage?.stage ?? null,
        planned: stage?.planned ?? false,
        asWritten: m[0],
        span: span(at, at + m[0].length),
      };
      for (const p of targets) p.dates.push(fact);
    }

    COMPANY.lastIndex = 0;
    for (let m = COMPANY.exec(sentence); m !== null; m = COMPANY.exec(sentence)) {
      const name = (m[1] ?? '').replace(/^(?:The|A|An|By|In|And)\s+/, '').trim();
      const at =
        s.start + m.index + (m[0].length - (m[1] ?? '').length) + ((m[1] ?? '').length - name.length);
      const sp = span(at, at + name.length);
      firms.set(name, [...(firms.get(name) ?? []), sp]);
      const p = owner(at);
      if (p && !p.isAggregate && !p.companies.some((c) => c.name === name))
        p.companies.push({ name, span: sp });
    }

    PARK.lastIndex = 0;
    for (let m = PARK.exec(sentence); m !== null; m = PARK.exec(sentence)) {
      const name = (m[1] ?? '').replace(/^(?:The|In|At|Of)\s+/, '');
      const at = s.start + m.index + (m[0].length - name.length);
      const park: NamedSpan = { name, span: span(at, at + name.length) };
      // "Xiagong Industrial Park was launched into construction": a park that is itself a project named in
      // the text is that project, not where its neighbours are.
      if (byName.has(name.toLowerCase())) continue;
      for (const p of targets) p.park ??= park;
    }

    const last = inSentence.filter((x) => !x.p.isAggregate).pop();
    if (last) focus = last.p;
  }

  placeInOnlyZone(text, projects, span);
  // As in Chinese text, the stage is one stated as reached: a completion or production only announced
  // (upon its completion, will be put into production) says the project is being built; an announced
  // start or signing says nothing yet.
  for (const p of projects)
    if (p.stage?.planned)
      p.stage =
        STAGES.indexOf(p.stage.stage) >= STAGES.indexOf('主体完工')
          ? { ...p.stage, stage: '在建', planned: false }
          : null;
  // A report on a groundbreaking or signing event stages every project it names with no stage of its own.
  for (const p of projects)
    if (leadStage && !p.stage && !p.isAggregate) {
      p.stage = leadStage;
      p.stages.push(leadStage);
    }

  return {
    title: null,
    byline: null,
    dateline: null,
    spans: ranges,
    projects,
    firms: [...firms].map(([name, spans]) => ({
      name,
      aliases: [],
      legalName: /(?:Ltd|Limited|Corporation|Inc)\.?$/i.test(name),
      knownId: null,
      source: 'legal-suffix' as const,
      spans,
    })),
    people: [],
    parks: [],
    signals: [],
    figures: [],
  };
}
