import { type Kysely, sql, type Transaction } from 'kysely';
import type {
  Database,
  IntakeArticleTable,
  IntakeProposalTable,
  IntakeTable,
  ProvenanceTable,
} from '../../db/database';
import { parseJsonArray } from '../../lib/json';
import type { FirmRecord, ProjectRecord } from './intake-match';

type Q = Kysely<Database> | Transaction<Database>;

/** Firms read per round trip when the register is scanned for names (keyset pages, bounded memory). */
const FIRM_PAGE = 5000;

/**
 * Every firm's names, tags and version, page by page. The intake service keeps only the firms the
 * text names (firmsNamedIn), so a page of news costs one pass over the register (≈50k firms in a
 * zone). A province-size register would want a name index instead; see docs/decisions.
 */
export async function* scanFirmNames(db: Q): AsyncGenerator<FirmRecord[]> {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('firm')
      .select(['id', 'name', 'short_name', 'aliases_json', 'english_name', 'tags_json', 'version'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(FIRM_PAGE)
      .execute();
    if (rows.length === 0) return;
    yield rows.map(toFirmRecord);
    after = rows[rows.length - 1]?.id ?? after;
    if (rows.length < FIRM_PAGE) return;
  }
}

function toFirmRecord(r: {
  id: string;
  name: string;
  short_name: string | null;
  aliases_json: string;
  english_name: string | null;
  tags_json: string;
  version: number;
}): FirmRecord {
  return {
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    // The English name is one more alias to the matcher (English news names firms by it).
    aliases: [...parseJsonArray<string>(r.aliases_json), ...(r.english_name ? [r.english_name] : [])],
    tags: parseJsonArray<string>(r.tags_json),
    version: Number(r.version),
  };
}

/**
 * Firms whose normalised name (legal form and bracket style ignored), or one of whose short,
 * former or English names, is one of `norms`.
 */
export async function firmsByNormalisedName(db: Q, norms: readonly string[]): Promise<FirmRecord[]> {
  if (norms.length === 0) return [];
  const unique = [...new Set(norms)].slice(0, 500);
  const rows = await db
    .selectFrom('firm')
    .select(['id', 'name', 'short_name', 'aliases_json', 'english_name', 'tags_json', 'version'])
    .where((eb) =>
      eb.or([
        eb('name_norm', 'in', unique),
        eb('id', 'in', eb.selectFrom('firm_alias').select('firm_id').where('name_norm', 'in', unique)),
      ]),
    )
    .execute();
  return rows.map(toFirmRecord);
}

const PROJECT_COLUMNS = [
  'project.id',
  'project.name',
  'project.stage',
  'project.stage_date',
  'project.officer_id',
  'project.park',
  'project.total_investment',
  'project.expected_output',
  'project.expected_tax',
  'project.expected_jobs',
  'project.capacity_quantity',
  'project.capacity_unit',
  'project.capacity_product',
  'project.contact_name',
  'project.version',
] as const;

async function withInvestors(
  db: Q,
  rows: Array<{
    id: string;
    name: string;
    stage: string;
    stage_date: string | null;
    officer_id: string | null;
    park: string | null;
    total_investment: number | null;
    expected_output: number | null;
    expected_tax: number | null;
    expected_jobs: number | null;
    capacity_quantity: number | null;
    capacity_unit: string | null;
    capacity_product: string | null;
    contact_name: string | null;
    version: number;
  }>,
): Promise<ProjectRecord[]> {
  if (rows.length === 0) return [];
  const inv = await db
    .selectFrom('project_investor')
    .select(['project_id', 'firm_id'])
    .where(
      'project_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const num = (v: number | null) => (v === null ? null : Number(v));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    stage: r.stage,
    stageDate: r.stage_date,
    officerId: r.officer_id,
    investorIds: inv.filter((i) => i.project_id === r.id).map((i) => i.firm_id),
    park: r.park,
    totalInvestment: num(r.total_investment),
    expectedOutput: num(r.expected_output),
    expectedTax: num(r.expected_tax),
    expectedJobs: num(r.expected_jobs),
    capacityQuantity: num(r.capacity_quantity),
    capacityUnit: r.capacity_unit,
    capacityProduct: r.capacity_product,
    contactName: r.contact_name,
    version: Number(r.version),
  }));
}

/** Projects any of these firms invests in (the candidates an article about the firm may update). */
export async function projectsOfFirms(db: Q, firmIds: readonly string[]): Promise<ProjectRecord[]> {
  if (firmIds.length === 0) return [];
  const rows = await db
    .selectFrom('project')
    .innerJoin('project_investor', 'project_investor.project_id', 'project.id')
    .select(PROJECT_COLUMNS)
    .where('project_investor.firm_id', 'in', [...new Set(firmIds)].slice(0, 500))
    .where('project.stage', '!=', 'cancelled')
    .limit(500)
    .execute();
  const unique = [...new Map(rows.map((r) => [r.id, r])).values()];
  return withInvestors(db, unique);
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Projects whose name contains one of `fragments` (what an article's project name is about). */
export async function projectsNamed(db: Q, fragments: readonly string[]): Promise<ProjectRecord[]> {
  const terms = [...new Set(fragments.filter((f) => f.length >= 3))].slice(0, 20);
  if (terms.length === 0) return [];
  const rows = await db
    .selectFrom('project')
    .select(PROJECT_COLUMNS)
    .where((eb) =>
      eb.or(
        terms.map((t) => sql<boolean>`${eb.ref('project.name')} like ${`%${escapeLike(t)}%`} escape '\\'`),
      ),
    )
    .where('project.stage', '!=', 'cancelled')
    .limit(100)
    .execute();
  return withInvestors(db, rows);
}

export async function findZone(db: Q): Promise<{ name: string; short_name: string } | undefined> {
  return db.selectFrom('zone').select(['name', 'short_name']).orderBy('created_at').executeTakeFirst();
}

export async function insertIntake(
  db: Q,
  intake: IntakeTable,
  articles: IntakeArticleTable[],
  proposals: IntakeProposalTable[],
): Promise<void> {
  await db.insertInto('intake').values(intake).execute();
  for (let i = 0; i < articles.length; i += 50) {
    await db
      .insertInto('intake_article')
      .values(articles.slice(i, i + 50))
      .execute();
  }
  for (let i = 0; i < proposals.length; i += 50) {
    await db
      .insertInto('intake_proposal')
      .values(proposals.slice(i, i + 50))
      .execute();
  }
}

export async function findIntake(db: Q, id: string): Promise<IntakeTable | undefined> {
  return db.selectFrom('intake').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function articlesOf(db: Q, intakeId: string): Promise<IntakeArticleTable[]> {
  return db
    .selectFrom('intake_article')
    .selectAll()
    .where('intake_id', '=', intakeId)
    .orderBy('position')
    .execute();
}

export async function proposalsOf(db: Q, intakeId: string): Promise<IntakeProposalTable[]> {
  return db
    .selectFrom('intake_proposal')
    .selectAll()
    .where('intake_id', '=', intakeId)
    .orderBy('position')
    .execute();
}

export interface IntakeListRow {
  id: string;
  source_kind: string;
  file_name: string | null;
  article_date: string | null;
  status: string;
  created_by_name: string | null;
  created_at: string;
  applied_at: string | null;
  article_count: number;
  proposal_count: number;
  applied_count: number;
  first_title: string | null;
}

/** Intakes, newest first, with their article and proposal counts. */
export async function listIntakes(
  db: Q,
  page: { limit: number; offset: number },
): Promise<{ rows: IntakeListRow[]; total: number }> {
  const rows = await db
    .selectFrom('intake')
    .select((eb) => [
      'intake.id',
      'intake.source_kind',
      'intake.file_name',
      'intake.article_date',
      'intake.status',
      'intake.created_by_name',
      'intake.created_at',
      'intake.applied_at',
      eb
        .selectFrom('intake_article')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('intake_article.intake_id', '=', 'intake.id')
        .as('article_count'),
      eb
        .selectFrom('intake_proposal')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('intake_proposal.intake_id', '=', 'intake.id')
        .as('proposal_count'),
      eb
        .selectFrom('intake_proposal')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('intake_proposal.intake_id', '=', 'intake.id')
        .where('intake_proposal.status', '=', 'applied')
        .as('applied_count'),
      eb
        .selectFrom('intake_article')
        .select('intake_article.title')
        .whereRef('intake_article.intake_id', '=', 'intake.id')
        .where('intake_article.title', 'is not', null)
        .orderBy('intake_article.position')
        .limit(1)
        .as('first_title'),
    ])
    .orderBy('intake.created_at', 'desc')
    .orderBy('intake.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const total = await db
    .selectFrom('intake')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    rows: rows.map((r) => ({
      ...r,
      article_count: Number(r.article_count ?? 0),
      proposal_count: Number(r.proposal_count ?? 0),
      applied_count: Number(r.applied_count ?? 0),
    })),
    total: Number(total.n),
  };
}

/** Marks the intake applied unless someone else did first; false when it was not open any more. */
export async function markIntakeApplied(db: Q, id: string, at: string, byName: string): Promise<boolean> {
  const res = await db
    .updateTable('intake')
    .set({ status: 'applied', applied_at: at, applied_by_name: byName })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function updateProposal(
  db: Q,
  id: string,
  patch: Partial<Pick<IntakeProposalTable, 'status' | 'payload_json' | 'result_id' | 'applied_at'>>,
): Promise<void> {
  await db.updateTable('intake_proposal').set(patch).where('id', '=', id).execute();
}

export async function insertProvenance(db: Q, rows: ProvenanceTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('provenance').values(rows).execute();
}

export interface ProvenanceRow extends ProvenanceTable {
  article_title: string | null;
  article_date: string | null;
  source_kind: string;
  file_name: string | null;
  proposal_kind: string;
  proposal_title: string;
}

/** Where a record's changes came from, newest first, with the article's title and date. */
export async function provenanceOf(db: Q, entity: string, entityId: string): Promise<ProvenanceRow[]> {
  return db
    .selectFrom('provenance')
    .innerJoin('intake_article', 'intake_article.id', 'provenance.article_id')
    .innerJoin('intake', 'intake.id', 'provenance.intake_id')
    .innerJoin('intake_proposal', 'intake_proposal.id', 'provenance.proposal_id')
    .selectAll('provenance')
    .select([
      'intake_article.title as article_title',
      'intake.article_date as article_date',
      'intake.source_kind as source_kind',
      'intake.file_name as file_name',
      'intake_proposal.kind as proposal_kind',
      'intake_proposal.title as proposal_title',
    ])
    .where('provenance.entity', '=', entity)
    .where('provenance.entity_id', '=', entityId)
    .orderBy('provenance.applied_at', 'desc')
    .orderBy('provenance.id', 'desc')
    .limit(200)
    .execute();
}
