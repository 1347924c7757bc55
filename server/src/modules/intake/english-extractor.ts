// English passages (a zone's English site, China Daily, a listed firm's release): simple rules for
// the same result as the Chinese reader. A project is a noun phrase with a head noun (project, plant,
// park, base, line, factory …); figures (…billion yuan, tons a year, jobs) attach to the project named
// in their sentence, else to the one in focus; "24 key projects with a total investment of …" is a
// batch total. US dollars are not converted (the amount stays out of investmentCny).

import { type CleanText, toOriginal } from './clean-text';
import { findEnglishListItems, listedStage } from './english-lists';
import {
  CAP,
  CAP_CUE,
  COMPANY,
  DATE_RE,
  isoDate,
  MONEY,
  MULT,
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

/** Mostly Latin letters and few ideographs: read with the English rules. */
export function isEnglish(text: string): boolean {
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  const cjk = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  return latin >= 40 && cjk < latin / 10;
}

interface Sentence {
  start: number;
  end: number;
}

function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[.!?]["”]?(?=\s+[A-Z"“(])|\n/g;
  let start = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + m[0].length;
    // "Co., Ltd. With" and "Nov. 1" are not sentence ends.
    if (/\b(?:Co|Ltd|Corp|Inc|No|Nov|Dec|Jan|Feb|Aug|Sept?|Oct|Mr|Dr|St)\.$/.test(text.slice(start, end)))
      continue;
    if (end > start) out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.filter((s) => text.slice(s.start, s.end).trim() !== '');
}

const HEAD =
  /\b(projects?|plants?|park|base|production lines?|lines?|factory|factories|refinery|centre|center|enterprise|mill|industrial park)\b/gi;
const STOP = new Set(
  'the a an its their this that these those in of for at on by with to is was will be has have had said build building built construct constructing constructed invest investing invested started include including includes as key major other another which who and or from into after before new signed signing launched attracting delivered'.split(
    ' ',
  ),
);
/** Words that alone do not name a project (the whole project, a representative project). */
const GENERIC_WORD =
  /^(?:whole|first|second|third|fourth|fifth|first-phase|second-phase|phase|initial|representative|strategic|same|entire|such|each|both|two|three|several|many|industrial|high-standard|eight|all|investment|promotion|construction|tourism|health|healthcare|biological|medicine|infrastructure|cooperation|important|vital|key|big|large|chemical|industry|service|services|livelihood|new|modern|provincial|municipal|national|internationally|renowned|(?:province|city|county|country|zone)[’']s)$/i;
/** Words a name may keep although they are in STOP ("new energy", "new materials"). */
const KEEP_BEFORE = /^(?:new)$/i;
const NUMBER_WORD =
  /^(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|[a-z]+-(?:one|two|three|four|five|six|seven|eight|nine))$/i;

interface Mention {
  name: string;
  start: number;
  end: number;
  generic: boolean;
  aggregate: boolean;
}

/** Verbs before a park in its clause that make the park itself a project (built, funded, signed). */
const PARK_BUILT_BEFORE =
  /\b(?:build|builds|built|building|construct|constructed|construction of|develop|developing|invest|invests|invested|investing|set up|establish|established|launch|launched|sign|signed|break ground|broke ground|groundbreaking|ground-breaking|ceremony for|projects? of)\b[^.;]*$/i;
/** A stage of the park's own right after its name. */
const PARK_STAGED_AFTER =
  /^\s*(?:,\s*)?(?:which\s+)?(?:was|were|has been|have been|is|will be)?\s*(?:officially\s+)?(?:launched|started|completed|commenced|put into|went into|broke ground|began|opened|inaugurated|kicked off)/i;

function findMentions(text: string, s: Sentence): Mention[] {
  const out: Mention[] = [];
  const part = text.slice(s.start, s.end);
  HEAD.lastIndex = 0;
  for (let m = HEAD.exec(part); m !== null; m = HEAD.exec(part)) {
    const headEnd = m.index + m[0].length;
    // "the 3,000-ton PPTA (Poly-p-phenylene Terephthamide) Project": a gloss in brackets is read through.
    const gloss = /\s*\([^()]{1,60}\)\s*$/.exec(part.slice(0, m.index));
    const before = part.slice(0, gloss?.index ?? m.index).split(/(\s+)/);
    const words: string[] = [];
    let lead = '';
    for (let i = before.length - 1; i >= 0; i--) {
      const w = before[i] ?? '';
      if (/^\s*$/.test(w)) {
        if (words.length > 0 || w.length > 0) words.unshift(w);
        continue;
      }
      const bare = w.replace(/[“”"(),]/g, '');
      if (/[,;:()“”"]$/.test(w) || (STOP.has(bare.toLowerCase()) && !KEEP_BEFORE.test(bare))) {
        lead = bare;
        break;
      }
      if (/\d/.test(bare) && !/^\d+(?:GW|MW|tpd)$/i.test(bare) && !/^\d+(?:th|st|nd|rd)$/.test(bare)) {
        lead = bare;
        break;
      }
      words.unshift(w);
      if (words.filter((x) => !/^\s*$/.test(x)).length >= 9) break;
    }
    // "Phase II project of the Machinery Industrial Park": the name goes on through "of" and a proper name.
    const ofName = /^project$/i.test(m[0])
      ? /^\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,6}[A-Z][\w-]*/.exec(part.slice(headEnd))
      : null;
    const phrase = `${words.join('').trimStart()}${gloss?.[0] ?? ''}${m[0]}${ofName?.[0] ?? ''}`.trim();
    const content = words.filter((x) => !/^\s*$/.test(x) && !GENERIC_WORD.test(x.replace(/[,()]/g, '')));
    const plural = /s$/i.test(m[0]) && !/^(?:centres?|base|lines?)$/i.test(m[0]);
    const countBefore = part
      .slice(Math.max(0, m.index - 40), m.index)
      .split(/\s+/)
      .filter(Boolean)
      .slice(-4)
      .some((w) => NUMBER_WORD.test(w.replace(/[,()]/g, '')));
    const aggregate = plural && (countBefore || NUMBER_WORD.test(lead));
    const end = s.start + headEnd + (ofName?.[0].length ?? 0);
    const start = end - phrase.length;
    // "…in the first phase of this project to build a … production base": what a project in focus builds
    // is part of it, not another project.
    const upTo = part.slice(0, m.index);
    const builtByProject =
      /\b(?:build|construct)\s+(?:an?\s+)?[^,.;]*$/i.test(upTo) && /\bthis project\b/i.test(upTo);
    // "located in Xiaohe Industrial Park", "settled at Sanshui Park": a park after in/at is where
    // projects are, not one of them — unless money goes into it ("investing in Huafu … park") or a
    // firm owns it ("Jinmai Industrial Park of Yunnan Zhijian Manufacturing Co., Ltd").
    const place =
      /park$/i.test(m[0]) &&
      /^(?:in|at|into|within|inside|from)$/i.test(lead) &&
      !/\binvest(?:s|ed|ing)?\s+(?:\w+\s+)?(?:in|into)\s+[^,;.]*$/i.test(upTo) &&
      !/^\s+of\s+[A-Z]/.test(part.slice(headEnd));
    // "consists of four industrial parks, such as the New Energy Vehicle Park", "held in Sanshui Park":
    // a park is a place unless the text builds it, puts money into it, calls it a project or reports
    // its own stage ("Xiagong Industrial Park was launched into construction").
    const after = part.slice(headEnd, headEnd + 60);
    // "the big data industrial park, which has an investment of 530 million yuan": money of its own.
    const funded =
      /^\s*,?\s*(?:which|that|with)\s+(?:has|had|have|involves?|will have)?\s*(?:an?\s+)?(?:total\s+)?investment/i.test(
        after,
      );
    const parkAsPlace =
      /park$/i.test(m[0]) &&
      !ofName &&
      !/^\s+project/i.test(after) &&
      !PARK_BUILT_BEFORE.test(upTo) &&
      !PARK_STAGED_AFTER.test(after) &&
      !funded;
    out.push({
      name: phrase,
      start,
      end,
      // "investment projects" with no count is a kind of project, not one.
      generic: content.length === 0 || (plural && !aggregate) || builtByProject || place || parkAsPlace,
      aggregate,
    });
  }
  // "industrial park project": one mention, the longer phrase.
  return out.filter(
    (x) =>
      !out.some((y) => y !== x && y.start <= x.start && y.end >= x.end && y.end - y.start > x.end - x.start),
  );
}

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
    const known = m.aggregate ? undefined : byName.get(key);
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
    const inSentence = named.map((m) => ({ m, p: projectFor(m) }));
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
      return nearest?.p ?? before?.p ?? inSentence[0]?.p ?? focus;
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
      const value = Number(raw.replace(/,/g, '')) * (MULT[unit] ?? 1);
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
