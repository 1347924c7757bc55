import type { z } from 'zod';
import { todayInShanghai } from '../../../../shared/src/dates';
import type { Bilingual } from '../../../../shared/src/i18n-message';
import type {
  IntakeArticleTable,
  IntakeProposalTable,
  IntakeTable,
  ProvenanceTable,
} from '../../db/database';
import { newId } from '../../lib/ids';
import { joinedDb } from '../../lib/joined-transaction';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { AppError, errors, type FieldError } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { normaliseFirmName } from '../firm/firm-name';
import { articleTextHash } from './article-hash';
import { ruleExtractor } from './extract';
import { ARTICLE_GAP, type IntakeDto, type Touched } from './intake.presenter';
import * as repo from './intake.repository';
import { APPLY_ORDER, applyProposal, PAYLOAD_SCHEMAS, type ProposalKindKey } from './intake-apply';
import { checkText, type DecodedText } from './intake-decode';
import * as links from './intake-links.repository';
import { type FirmRecord, firmsNamedIn, type ProjectRecord, projectNameCore } from './intake-match';
import { buildProposals } from './intake-proposals';
import { getIntake, present } from './intake-read.service';
import { createLlmExtractor, llmConfig } from './llm-extractor';
import type { Extractor, Span } from './types';

/**
 * 资讯录入 News intake: an officer pastes or uploads a news text; it is split into articles, read by
 * the extractor, matched against the zone's firms and projects, and stored with proposals to review.
 * Applying runs the accepted ones through the pipeline services in one transaction and records, for
 * every record touched, the article it came from (provenance).
 */

/**
 * The extractor in use: the rules, or a zone's own language model when LIANZHAO_LLM_URL and
 * LIANZHAO_LLM_MODEL are set (read per intake, so a restart is not needed to switch it off).
 */
function currentExtractor(): Extractor {
  const cfg = llmConfig();
  return cfg ? createLlmExtractor(cfg, ruleExtractor) : ruleExtractor;
}

export interface IntakeInput {
  decoded: DecodedText;
  fileName: string | null;
  articleDate: string | null;
}

/** The firms the text names, by a pass over the register (see intake.repository.ts). */
async function knownFirmsIn(ctx: ServiceContext, text: string): Promise<FirmRecord[]> {
  const out: FirmRecord[] = [];
  for await (const page of repo.scanFirmNames(ctx.db.kysely)) out.push(...firmsNamedIn(text, page));
  return out;
}

/** Reads a text into an intake with articles and proposals (nothing in the pipeline changes yet). */
export async function createIntake(ctx: ServiceContext, input: IntakeInput): Promise<IntakeDto> {
  const actor = requireActor(ctx);
  const text = checkText(input.decoded.text);
  const db = ctx.db.kysely;
  const today = todayInShanghai(ctx.clock.now());

  const known = await knownFirmsIn(ctx, text);
  const extractor = currentExtractor();
  const page = await extractor.extractPage(text, {
    ...(input.articleDate ? { articleDate: input.articleDate } : {}),
    knownFirms: known.map((f) => ({ id: f.id, name: f.name, aliases: [f.shortName ?? '', ...f.aliases] })),
  });

  // Firms written differently from the register (股份有限公司 vs 有限公司) still match by normalised name.
  const firms = new Map(known.map((f) => [f.id, f]));
  const unresolved = page.articles.flatMap((a) => a.firms.filter((f) => !f.knownId));
  for (const f of await repo.firmsByNormalisedName(
    db,
    unresolved.flatMap((f) => [f.name, ...f.aliases].map(normaliseFirmName)),
  )) {
    firms.set(f.id, f);
  }
  const projects = new Map<string, ProjectRecord>();
  for (const p of await repo.projectsOfFirms(db, [...firms.keys()])) projects.set(p.id, p);
  const fragments = page.articles.flatMap((a) =>
    a.projects.flatMap((p) => {
      const core = projectNameCore(p.name);
      return core.length >= 4 ? [core.slice(0, 4), core.slice(-4)] : [];
    }),
  );
  for (const p of await repo.projectsNamed(db, fragments)) projects.set(p.id, p);

  const zone = await repo.findZone(db);
  const { drafts, matches } = buildProposals({
    articles: page.articles,
    firms: [...firms.values()],
    projects: [...projects.values()],
    zone: { name: zone?.name ?? '', shortName: zone?.short_name ?? '' },
    articleDate: input.articleDate,
    today,
  });

  const nowIso = ctx.clock.now().toISOString();
  const intake: IntakeTable = {
    id: newId(),
    source_kind: input.decoded.kind,
    file_name: input.fileName,
    article_date: input.articleDate,
    raw_text: text,
    encoding: input.decoded.encoding,
    extractor: extractor.id,
    warnings_json: JSON.stringify(page.warnings),
    status: 'open',
    created_by: actor.userId,
    created_by_name: actor.displayName,
    created_at: nowIso,
    applied_at: null,
    applied_by_name: null,
  };
  const articles: IntakeArticleTable[] = page.articles.map((a, i) => {
    const spans: Span[] = a.spans.length > 0 ? a.spans : [{ start: 0, end: 0 }];
    return {
      id: newId(),
      intake_id: intake.id,
      position: i + 1,
      title: a.title,
      byline: a.byline,
      dateline: a.dateline,
      start_offset: Math.min(...spans.map((s) => s.start)),
      end_offset: Math.max(...spans.map((s) => s.end)),
      spans_json: JSON.stringify(spans),
      text: spans.map((s) => text.slice(s.start, s.end)).join(ARTICLE_GAP),
      extraction_json: JSON.stringify(a),
      matches_json: JSON.stringify(matches[i] ?? []),
      text_hash: articleTextHash(spans.map((s) => text.slice(s.start, s.end)).join(ARTICLE_GAP)),
      duplicate_of: null,
    };
  });
  // The same article imported before links to its first import (shown as "already imported").
  const firsts = await links.firstArticlesWithHashes(db, [
    ...new Set(articles.flatMap((a) => (a.text_hash ? [a.text_hash] : []))),
  ]);
  const seenHere = new Map<string, string>();
  for (const a of articles) {
    if (!a.text_hash) continue;
    a.duplicate_of = firsts.get(a.text_hash)?.article_id ?? seenHere.get(a.text_hash) ?? null;
    if (!seenHere.has(a.text_hash)) seenHere.set(a.text_hash, a.id);
  }
  const idOfKey = new Map(drafts.map((d) => [d.key, newId()]));
  const proposals: IntakeProposalTable[] = drafts.map((d, i) => ({
    id: idOfKey.get(d.key) ?? newId(),
    intake_id: intake.id,
    article_id: articles[d.articleIndex]?.id ?? '',
    position: i + 1,
    kind: d.kind,
    target_entity: d.targetEntity,
    target_id: d.targetId,
    title: d.title,
    payload_json: JSON.stringify(d.payload),
    current_json: d.current ? JSON.stringify(d.current) : null,
    spans_json: JSON.stringify(d.spans),
    field_spans_json: JSON.stringify(d.fieldSpans),
    depends_on: d.dependsOn ? (idOfKey.get(d.dependsOn) ?? null) : null,
    match_json: d.match ? JSON.stringify(d.match) : null,
    status: 'proposed',
    result_id: null,
    applied_at: null,
  }));

  await db.transaction().execute(async (trx) => {
    await repo.insertIntake(trx, intake, articles, proposals);
    await writeAudit(trx, ctx, {
      entity: 'intake',
      entityId: intake.id,
      action: 'create',
      after: {
        sourceKind: intake.source_kind,
        fileName: intake.file_name,
        articleDate: intake.article_date,
        characters: text.length,
        articles: articles.length,
        proposals: proposals.length,
      },
    });
  });
  return present(db, intake, articles, proposals);
}

export interface Decision {
  proposalId: string;
  action: 'accept' | 'drop';
  payload?: Record<string, unknown> | undefined;
}

function proposalError(
  p: IntakeProposalTable,
  message: Bilingual,
  fields: FieldError[] = [],
  cause: Record<string, unknown> | null = null,
): AppError {
  return errors.badRequest(
    'INTAKE_PROPOSAL_FAILED',
    {
      zh: `建议 #${p.position}（${p.title}）无法应用：${message.zh}；未写入任何内容`,
      en: `Proposal #${p.position} (${p.title}) cannot be applied: ${message.en}; nothing was written`,
    },
    fields,
    { proposalId: p.id, position: p.position, cause },
  );
}

/** The values as proposed, flat (figures are inside `fields`), to tell an officer's edit apart. */
function proposedValues(p: IntakeProposalTable): Record<string, unknown> {
  const payload = JSON.parse(p.payload_json) as Record<string, unknown>;
  const fields = payload.fields;
  if (p.kind === 'update_project_figures' && fields && typeof fields === 'object') {
    return { ...(fields as Record<string, unknown>) };
  }
  return payload;
}

function zodFields(prefix: string, issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].join('.'),
    message: { zh: `格式不正确：${i.message}`, en: i.message },
  }));
}

/**
 * Applies the officer's decisions: accepted proposals (with their edits) go through the pipeline
 * services in one transaction, in the order creates → tags → leads → figures → stages; each applied
 * change gets a provenance row. Proposals not accepted are dropped. Any failure (a refused stage
 * move, a duplicate firm, a project the officer does not run) is a 400 naming the proposal, and
 * nothing is written. An intake is applied once.
 */
export async function applyIntake(
  ctx: ServiceContext,
  id: string,
  decisions: readonly Decision[],
): Promise<{ intake: IntakeDto; touched: Touched[] }> {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const intake = await repo.findIntake(db, id);
  if (!intake) throw errors.notFound('intake');
  const notOpen = () =>
    errors.conflict('INTAKE_ALREADY_APPLIED', {
      zh: '该资讯已应用过，不能再次应用',
      en: 'This intake has been applied already',
    });
  if (intake.status !== 'open') throw notOpen();
  const [articles, proposals] = await Promise.all([repo.articlesOf(db, id), repo.proposalsOf(db, id)]);
  const byId = new Map(proposals.map((p) => [p.id, p]));

  // Check every decision before writing anything.
  const accepted = new Map<string, Record<string, unknown>>();
  const seen = new Set<string>();
  decisions.forEach((d, n) => {
    const p = byId.get(d.proposalId);
    if (!p) {
      throw errors.validation([
        {
          path: `decisions.${n}.proposalId`,
          message: { zh: '该资讯没有这条建议', en: 'No such proposal in this intake' },
        },
      ]);
    }
    if (seen.has(p.id)) {
      throw errors.validation([
        { path: `decisions.${n}.proposalId`, message: { zh: '重复的决定', en: 'Decided twice' } },
      ]);
    }
    seen.add(p.id);
    if (d.action !== 'accept') return;
    const schema = PAYLOAD_SCHEMAS[p.kind as ProposalKindKey];
    const parsed = schema.safeParse(d.payload ?? JSON.parse(p.payload_json));
    if (!parsed.success) {
      throw proposalError(
        p,
        { zh: '修改后的内容不合规', en: 'the edited values are invalid' },
        zodFields(`decisions.${n}.payload`, parsed.error.issues),
      );
    }
    accepted.set(p.id, parsed.data as Record<string, unknown>);
  });
  for (const pid of accepted.keys()) {
    const p = byId.get(pid);
    if (p?.kind === 'add_signal_tag' && !p.target_id && p.depends_on && !accepted.has(p.depends_on)) {
      const dep = byId.get(p.depends_on);
      throw proposalError(p, {
        zh: `它给建议 #${dep?.position ?? '?'} 新建的企业加标签，请一并接受或舍弃`,
        en: `it tags the firm that proposal #${dep?.position ?? '?'} creates; accept or drop both`,
      });
    }
  }

  const articleOf = new Map(articles.map((a) => [a.id, a]));
  const order = [...accepted.keys()]
    .map((pid) => byId.get(pid) as IntakeProposalTable)
    .sort(
      (a, b) =>
        APPLY_ORDER[a.kind as ProposalKindKey] - APPLY_ORDER[b.kind as ProposalKindKey] ||
        a.position - b.position,
    );
  const nowIso = ctx.clock.now().toISOString();
  const touched: Touched[] = [];

  await db.transaction().execute(async (trx) => {
    const tctx: ServiceContext = { ...ctx, db: joinedDb(ctx.db, trx) };
    const created = new Map<string, string>();
    const provenance: ProvenanceTable[] = [];
    for (const p of order) {
      const payload = accepted.get(p.id) ?? {};
      const article = articleOf.get(p.article_id);
      const note = `据资讯：${article?.title ?? '（无标题）'}${intake.article_date ? `（${intake.article_date}）` : ''}`;
      let outcome: Awaited<ReturnType<typeof applyProposal>>;
      try {
        outcome = await applyProposal(tctx, p, payload, created, note, {
          fieldSpans: JSON.parse(p.field_spans_json || '{}') as Record<string, Span>,
          proposed: proposedValues(p),
        });
      } catch (err) {
        if (err instanceof AppError) {
          throw proposalError(p, err.bilingual, err.fields, {
            code: err.code,
            status: err.status,
            ...err.extra,
          });
        }
        throw err;
      }
      if (outcome.touched) {
        touched.push(outcome.touched);
        if (p.kind === 'create_firm') created.set(p.id, outcome.touched.id);
        provenance.push({
          id: newId(),
          entity: outcome.touched.entity,
          entity_id: outcome.touched.id,
          intake_id: id,
          article_id: p.article_id,
          proposal_id: p.id,
          action: outcome.touched.action,
          fields_json: JSON.stringify(outcome.fields),
          values_json: JSON.stringify(outcome.values),
          applied_at: nowIso,
          applied_by: actor.userId,
          applied_by_name: actor.displayName,
        });
      }
      await repo.updateProposal(trx, p.id, {
        status: 'applied',
        payload_json: JSON.stringify(payload),
        result_id: outcome.touched?.id ?? p.target_id,
        applied_at: nowIso,
      });
    }
    for (const p of proposals) {
      if (!accepted.has(p.id)) await repo.updateProposal(trx, p.id, { status: 'dropped' });
    }
    await repo.insertProvenance(trx, provenance);
    if (!(await repo.markIntakeApplied(trx, id, nowIso, actor.displayName))) throw notOpen();
    await writeAudit(trx, ctx, {
      entity: 'intake',
      entityId: id,
      action: 'apply',
      after: {
        applied: order.map((p) => p.position),
        dropped: proposals.filter((p) => !accepted.has(p.id)).map((p) => p.position),
        touched: touched.map((t) => `${t.entity}:${t.id}`),
      },
    });
  });
  return { intake: await getIntake(ctx, id), touched };
}
