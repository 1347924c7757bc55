// From what the extractor read and what the zone already has, the changes an officer may accept:
// create a firm, create a lead (source: news), move a project's stage, update its figures, tag a firm
// with a signal. Pure: the service loads the records and stores the drafts.

import {
  type IntakeProjectField,
  type IntakeProposalKind,
  SIGNAL_TAGS,
  type SignalKind,
} from '../../../../shared/src/intake';
import { PROJECT_STAGES, type ProjectStage } from '../../../../shared/src/project-stage';
import { normaliseFirmName } from '../firm/firm-name';
import {
  capacityFields,
  type FirmRecord,
  type Match,
  matchFirm,
  matchProjects,
  type ProjectRecord,
  storedCapacity,
} from './intake-match';
import type { ArticleExtraction, ExtractedFirm, ExtractedProject, Span, Stage } from './types';

export interface ZoneNames {
  name: string;
  shortName: string;
}

/** What an article's firm or project was recognised as (shown in review even when nothing changes). */
export interface ArticleMatch {
  kind: 'firm' | 'project';
  name: string;
  recordId: string;
  recordName: string;
  score: number;
}

export interface ProposalDraft {
  /** Unique within one build; `dependsOn` refers to it. */
  key: string;
  articleIndex: number;
  kind: IntakeProposalKind;
  targetEntity: 'firm' | 'lead' | 'project';
  targetId: string | null;
  title: string;
  payload: Record<string, unknown>;
  current: Record<string, unknown> | null;
  spans: Span[];
  /** The span each payload field was read from (provenance per value once applied). */
  fieldSpans: Record<string, Span>;
  dependsOn: string | null;
  match: { score: number; reasons: string[]; name: string } | null;
}

/** The extractor's stage words → the project stage machine's keys (在谈 is before any project). */
const STAGE_KEY: Record<Stage, ProjectStage | null> = {
  在谈: null,
  签约: 'signed',
  开工: 'started',
  在建: 'started',
  主体完工: 'structure_done',
  竣工验收: 'completed',
  设备调试: 'commissioning',
  试生产: 'commissioning',
  投产: 'producing',
  达产: 'full_capacity',
};

function orderOf(stage: string): number | null {
  return PROJECT_STAGES.find((s) => s.key === stage)?.order ?? null;
}

function stageZh(stage: string): string {
  return PROJECT_STAGES.find((s) => s.key === stage)?.zh ?? stage;
}

/** True when the park the article names is the zone itself (开发区, 经开区, the zone's own names). */
export function isZonePark(park: string, zone: ZoneNames): boolean {
  const p = park.trim();
  return (
    p === zone.name ||
    p === zone.shortName ||
    /^(本)?(开发区|经开区|经济开发区|经济技术开发区|高新区|园区)$/.test(p) ||
    (zone.name.length > 0 && zone.name.endsWith(p) && p.length >= 3)
  );
}

/**
 * The day a stage was reached: the stage's own stated date (a month counts from its 1st), else the
 * article's date, else today; never after today (a move cannot be dated in the future).
 */
export function stageDateOf(p: ExtractedProject, stage: Stage, articleDate: string | null, today: string) {
  const fact = p.dates.find((d) => d.stage === stage && !d.planned && d.date);
  let date = articleDate ?? today;
  if (fact?.date && /^\d{4}-\d{2}-\d{2}$/.test(fact.date)) date = fact.date;
  else if (fact?.date && /^\d{4}-\d{2}$/.test(fact.date)) date = `${fact.date}-01`;
  return date > today ? today : date;
}

type Fields = Partial<Record<IntakeProjectField, string | number | null>>;

/** The project figures the article states, in the project form's fields. */
export function projectFigures(
  p: ExtractedProject,
  zone: ZoneNames,
): { fields: Fields; spans: Span[]; fieldSpans: Record<string, Span> } {
  const fields: Fields = {};
  const spans: Span[] = [];
  const fieldSpans: Record<string, Span> = {};
  const put = (k: IntakeProjectField, v: string | number | null | undefined, span?: Span) => {
    if (v === null || v === undefined) return;
    fields[k] = v;
    if (span) {
      spans.push(span);
      fieldSpans[k] = span;
    }
  };
  if (p.investment?.yuan && !p.investment.maxYuan)
    put('totalInvestment', p.investment.yuan, p.investment.span);
  if (p.outputValue?.yuan && !p.outputValue.maxYuan)
    put('expectedOutput', p.outputValue.yuan, p.outputValue.span);
  if (p.tax?.yuan && !p.tax.maxYuan) put('expectedTax', p.tax.yuan, p.tax.span);
  if (p.jobs) put('expectedJobs', p.jobs.count, p.jobs.span);
  const cap = capacityFields(p.capacity);
  if (cap && p.capacity) {
    put('capacityQuantity', cap.capacityQuantity, p.capacity.span);
    put('capacityUnit', cap.capacityUnit, p.capacity.span);
    put('capacityProduct', cap.capacityProduct, p.capacity.span);
  }
  if (p.park && !isZonePark(p.park.name, zone)) put('park', p.park.name, p.park.span);
  const contact = p.contacts[0];
  if (contact) put('contactName', contact.name, contact.span);
  return { fields, spans: [...new Set(spans)], fieldSpans };
}

function currentOf(r: ProjectRecord, k: IntakeProjectField): string | number | null {
  return r[k];
}

/** Figures that differ from the stored project (capacity compared in its base unit). */
function changedFigures(fields: Fields, r: ProjectRecord): { payload: Fields; current: Fields } {
  const payload: Fields = {};
  const current: Fields = {};
  const capKeys: IntakeProjectField[] = ['capacityQuantity', 'capacityUnit', 'capacityProduct'];
  for (const [k, v] of Object.entries(fields) as Array<[IntakeProjectField, string | number | null]>) {
    if (capKeys.includes(k)) continue;
    if (currentOf(r, k) !== v) {
      payload[k] = v;
      current[k] = currentOf(r, k);
    }
  }
  if (fields.capacityQuantity !== undefined) {
    const stored = storedCapacity(r.capacityQuantity, r.capacityUnit);
    const mine = storedCapacity(Number(fields.capacityQuantity), String(fields.capacityUnit ?? ''));
    const same = stored && mine && stored.unit === mine.unit && Math.abs(stored.value - mine.value) < 1e-6;
    if (!same) {
      for (const k of capKeys) {
        if (fields[k] !== undefined) {
          payload[k] = fields[k] ?? null;
          current[k] = currentOf(r, k);
        }
      }
    } else if (!r.capacityProduct && fields.capacityProduct) {
      payload.capacityProduct = fields.capacityProduct;
      current.capacityProduct = null;
    }
  }
  return { payload, current };
}

function firmKey(name: string): string {
  return normaliseFirmName(name);
}

/** Builds every proposal of a page, article by article, in reading order. */
export function buildProposals(input: {
  articles: readonly ArticleExtraction[];
  firms: readonly FirmRecord[];
  projects: readonly ProjectRecord[];
  zone: ZoneNames;
  articleDate: string | null;
  today: string;
}): { drafts: ProposalDraft[]; matches: ArticleMatch[][] } {
  const out: ProposalDraft[] = [];
  const matched: ArticleMatch[][] = input.articles.map(() => []);
  // A firm proposed for creation once per intake, even when several articles name it.
  const firmProposalByName = new Map<string, ProposalDraft>();
  const tagged = new Set<string>();
  let seq = 0;
  const nextKey = () => `p${++seq}`;

  input.articles.forEach((article, articleIndex) => {
    const firmMatches = new Map<ExtractedFirm, Match<FirmRecord> | null>();
    for (const f of article.firms) {
      const m = matchFirm(f, input.firms);
      firmMatches.set(f, m);
      if (m) {
        matched[articleIndex]?.push({
          kind: 'firm',
          name: f.name,
          recordId: m.record.id,
          recordName: m.record.name,
          score: m.score,
        });
      }
    }
    const firmByName = (name: string): { firm: ExtractedFirm; match: Match<FirmRecord> | null } | null => {
      const key = firmKey(name);
      for (const [f, m] of firmMatches) {
        if (f.name === name || f.aliases.includes(name) || firmKey(f.name) === key)
          return { firm: f, match: m };
      }
      return null;
    };

    // 1. Firms the zone does not have yet.
    for (const [f, m] of firmMatches) {
      if (m) continue;
      const key = firmKey(f.name);
      if (firmProposalByName.has(key)) continue;
      const shortName = f.aliases
        .filter((a) => a.length < f.name.length)
        .sort((a, b) => a.length - b.length)[0];
      const draft: ProposalDraft = {
        key: nextKey(),
        articleIndex,
        kind: 'create_firm',
        targetEntity: 'firm',
        targetId: null,
        title: `新建企业：${f.name}`,
        payload: {
          name: f.name,
          ...(shortName ? { shortName } : {}),
          aliases: f.aliases.filter((a) => a !== shortName).slice(0, 20),
        },
        current: null,
        spans: f.spans.slice(0, 20),
        fieldSpans: f.spans[0] ? { name: f.spans[0] } : {},
        dependsOn: null,
        match: null,
      };
      firmProposalByName.set(key, draft);
      out.push(draft);
    }

    // 2. Projects: matched ones get figure and stage updates, new ones become leads.
    const firmIdsOf = (p: ExtractedProject) => {
      const ids = new Set<string>();
      for (const c of p.companies) {
        const hit = firmByName(c.name);
        if (hit?.match) ids.add(hit.match.record.id);
      }
      return ids;
    };
    const matches = matchProjects(article.projects, input.projects, firmIdsOf);
    article.projects.forEach((p, i) => {
      if (p.isAggregate) return;
      const m = matches[i];
      if (m) {
        const r = m.record;
        const match = { score: m.score, reasons: m.reasons, name: r.name };
        matched[articleIndex]?.push({
          kind: 'project',
          name: p.name,
          recordId: r.id,
          recordName: r.name,
          score: m.score,
        });
        const figures = projectFigures(p, input.zone);
        const { payload, current } = changedFigures(figures.fields, r);
        if (Object.keys(payload).length > 0) {
          out.push({
            key: nextKey(),
            articleIndex,
            kind: 'update_project_figures',
            targetEntity: 'project',
            targetId: r.id,
            title: `更新项目数据：${r.name}`,
            payload: { fields: payload },
            current,
            spans: [p.span, ...figures.spans],
            fieldSpans: Object.fromEntries(Object.entries(figures.fieldSpans).filter(([k]) => k in payload)),
            dependsOn: null,
            match,
          });
        }
        const stated = p.stage && !p.stage.planned ? p.stage : null;
        const to = stated ? STAGE_KEY[stated.stage] : null;
        const from = orderOf(r.stage);
        const toOrder = to ? orderOf(to) : null;
        if (stated && to && from !== null && toOrder !== null && toOrder > from) {
          out.push({
            key: nextKey(),
            articleIndex,
            kind: 'update_project_stage',
            targetEntity: 'project',
            targetId: r.id,
            title: `项目阶段：${r.name} ${stageZh(r.stage)} → ${stageZh(to)}`,
            payload: { to, date: stageDateOf(p, stated.stage, input.articleDate, input.today) },
            current: { stage: r.stage, stageDate: r.stageDate },
            spans: [p.span, stated.span],
            fieldSpans: { to: stated.span },
            dependsOn: null,
            match,
          });
        }
        return;
      }
      // A project the zone does not track: a lead from the news, aimed at its firm.
      const company = p.companies[0];
      if (!company) return;
      const hit = firmByName(company.name);
      const firmProposal = firmProposalByName.get(firmKey(hit?.firm.name ?? company.name)) ?? null;
      const targetName = hit?.firm.name ?? company.name;
      const figures = projectFigures(p, input.zone);
      out.push({
        key: nextKey(),
        articleIndex,
        kind: 'create_lead',
        targetEntity: 'lead',
        targetId: null,
        title: `新建线索：${targetName} ${p.name}`,
        payload: {
          title: `${targetName}${p.name}`.slice(0, 120),
          ...(hit?.match
            ? { targetFirmId: hit.match.record.id }
            : { targetFirmName: targetName.slice(0, 120) }),
          ...(figures.fields.totalInvestment ? { estimatedInvestment: figures.fields.totalInvestment } : {}),
          nextStep: '核实报道，联系企业了解项目',
        },
        current: null,
        spans: [p.span, company.span],
        fieldSpans: {
          title: p.span,
          ...(hit?.match ? { targetFirmId: company.span } : { targetFirmName: company.span }),
          ...(figures.fieldSpans.totalInvestment
            ? { estimatedInvestment: figures.fieldSpans.totalInvestment }
            : {}),
        },
        dependsOn: hit?.match ? null : (firmProposal?.key ?? null),
        match: null,
      });
    });

    // 3. Signals (capacity pressure, listing, expansion, financing) as firm tags.
    for (const s of article.signals) {
      if (!s.firm) continue;
      const hit = firmByName(s.firm);
      const tag = SIGNAL_TAGS[s.kind as SignalKind].zh;
      const record = hit?.match?.record ?? null;
      const firmProposal = record
        ? null
        : (firmProposalByName.get(firmKey(hit?.firm.name ?? s.firm)) ?? null);
      if (!record && !firmProposal) continue;
      const who = record?.id ?? firmProposal?.key ?? '';
      // 上市 is already said by a 上市公司 tag.
      if (tagged.has(`${who}|${tag}`) || record?.tags.some((t) => t.startsWith(tag))) continue;
      tagged.add(`${who}|${tag}`);
      const name = record?.name ?? String(firmProposal?.payload.name ?? s.firm);
      out.push({
        key: nextKey(),
        articleIndex,
        kind: 'add_signal_tag',
        targetEntity: 'firm',
        targetId: record?.id ?? null,
        title: `企业标签：${name} +${tag}`,
        payload: { tag, signal: s.kind, sentence: s.sentence.slice(0, 300) },
        current: record ? { tags: record.tags } : null,
        spans: [s.span],
        fieldSpans: { tag: s.span },
        dependsOn: firmProposal?.key ?? null,
        match: null,
      });
    }
  });
  return { drafts: out, matches: matched };
}
