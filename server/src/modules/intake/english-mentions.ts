// English passages: where a sentence ends and which noun phrases name a project (a head noun such as
// project, plant, park, line) or count a batch of them. Apart from english-extractor.ts, which attaches
// figures, stages and dates to what these find.

export interface Sentence {
  start: number;
  end: number;
}

export function sentences(text: string): Sentence[] {
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

export interface Mention {
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

export function findMentions(text: string, s: Sentence): Mention[] {
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
    let leadAt = -1;
    for (let i = before.length - 1; i >= 0; i--) {
      const w = before[i] ?? '';
      if (/^\s*$/.test(w)) {
        if (words.length > 0 || w.length > 0) words.unshift(w);
        continue;
      }
      const bare = w.replace(/[“”"(),]/g, '');
      if (/[,;:()“”"]$/.test(w) || (STOP.has(bare.toLowerCase()) && !KEEP_BEFORE.test(bare))) {
        lead = bare;
        leadAt = i;
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
    // "located in Xiaohe Industrial Park", "settled at Sanshui Park", "introduced by the Equipment Park":
    // a park after in/at/by is where projects are (or who brought them), not one of them — unless money goes into it ("investing in Huafu … park") or a
    // firm owns it ("Jinmai Industrial Park of Yunnan Zhijian Manufacturing Co., Ltd").
    // The word before the name, past an article: "introduced by the Equipment Park".
    const placeWord = /^(?:the|a|an)$/i.test(lead)
      ? (before
          .slice(0, Math.max(0, leadAt))
          .reverse()
          .find((x) => x.trim() !== '') ?? '')
      : lead;
    const place =
      /park$/i.test(m[0]) &&
      /^(?:in|at|into|within|inside|from|by)$/i.test(placeWord) &&
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
