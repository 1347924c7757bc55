import type { Kysely, Transaction } from 'kysely';
import type { DialectName } from '../../db/connect';
import type { Database, LeadFollowupTable, LeadOriginFields, LeadTable, LinkFields } from '../../db/database';
import { orderNullsLast, orderNullsLow, searchCondition } from '../../db/dialect-sql';
import { parseSort } from '../../lib/list-query';
import { linkSubtreeIds } from '../record-link/record-link';
import { leadSearchText } from './lead-search';

type Q = Kysely<Database> | Transaction<Database>;

/** A lead row with the chain columns (issue 4). */
type LeadColumns = LeadTable & LinkFields & LeadOriginFields;

export type LeadRow = LeadColumns & {
  target_firm_name: string | null;
  referrer_firm_name: string | null;
  owner_name: string | null;
};

/** Statuses after which a lead has no next step to be late for. */
export const FINAL_LEAD_STATUSES = ['signed', 'lost'] as const;

export const LEAD_SORTS = [
  'nextStepDate',
  'estimatedInvestment',
  'createdAt',
  'updatedAt',
  'title',
  'code',
  'status',
] as const;
const SORT_COLUMNS: Record<(typeof LEAD_SORTS)[number], string> = {
  nextStepDate: 'lead.next_step_date',
  estimatedInvestment: 'lead.estimated_investment',
  createdAt: 'lead.created_at',
  updatedAt: 'lead.updated_at',
  title: 'lead.title',
  code: 'lead.code',
  status: 'lead.status',
};

/** Filters of the lead list; also what an export of the list takes. */
export interface LeadListFilter {
  q?: string | undefined;
  status?: string[] | undefined;
  source?: string | undefined;
  ownerId?: string | undefined;
  overdue?: boolean | undefined;
  chainLink?: string | undefined;
  /** A chain link: leads on it or on any link beneath it. */
  linkId?: string | undefined;
  minInvestment?: number | undefined;
  maxInvestment?: number | undefined;
  isSample?: boolean | undefined;
  sort?: string | undefined;
  limit: number;
  offset: number;
}

function base(db: Q) {
  return db
    .selectFrom('lead')
    .leftJoin('firm as tf', 'tf.id', 'lead.target_firm_id')
    .leftJoin('firm as rf', 'rf.id', 'lead.referrer_firm_id')
    .leftJoin('app_user as ou', 'ou.id', 'lead.owner_id')
    .selectAll('lead')
    .select([
      'tf.name as target_firm_name',
      'rf.name as referrer_firm_name',
      'ou.display_name as owner_name',
    ]);
}

export function findLeadById(db: Q, id: string): Promise<LeadRow | undefined> {
  return base(db).where('lead.id', '=', id).executeTakeFirst();
}

export async function listLeads(
  db: Q,
  dialect: DialectName,
  f: LeadListFilter,
  today: string,
): Promise<{ rows: LeadRow[]; total: number }> {
  let q = db.selectFrom('lead');
  const search = searchCondition(dialect, 'lead', f.q);
  if (search) q = q.where(search);
  if (f.status && f.status.length > 0) q = q.where('lead.status', 'in', f.status);
  if (f.source) q = q.where('lead.source', '=', f.source);
  if (f.ownerId) q = q.where('lead.owner_id', '=', f.ownerId);
  if (f.chainLink) q = q.where('lead.chain_link', '=', f.chainLink);
  if (f.linkId) q = q.where('lead.link_id', 'in', linkSubtreeIds(db, f.linkId));
  if (f.minInvestment !== undefined) q = q.where('lead.estimated_investment', '>=', f.minInvestment);
  if (f.maxInvestment !== undefined) q = q.where('lead.estimated_investment', '<=', f.maxInvestment);
  if (f.isSample !== undefined) q = q.where('lead.is_sample', '=', f.isSample ? 1 : 0);
  if (f.overdue !== undefined) {
    q = q.where((eb) => {
      const overdue = eb.and([
        eb('lead.next_step_date', '<', today),
        eb('lead.status', 'not in', [...FINAL_LEAD_STATUSES]),
      ]);
      return f.overdue ? overdue : eb.not(overdue);
    });
  }
  const totalRow = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  const { column, direction } = parseSort(f.sort ?? 'nextStepDate');
  const col = SORT_COLUMNS[column as keyof typeof SORT_COLUMNS] ?? 'lead.next_step_date';
  const order =
    column === 'nextStepDate'
      ? orderNullsLast(dialect, col, direction)
      : orderNullsLow(dialect, col, direction);
  const ids = await q
    .select('lead.id')
    .orderBy(order)
    .orderBy('lead.id', direction)
    .limit(f.limit)
    .offset(f.offset)
    .execute();
  const rows = ids.length
    ? await base(db)
        .where(
          'lead.id',
          'in',
          ids.map((r) => r.id),
        )
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    rows: ids.map((r) => byId.get(r.id)).filter((r): r is LeadRow => !!r),
    total: Number(totalRow?.n ?? 0),
  };
}

export async function insertLead(db: Q, row: LeadTable & Partial<LinkFields>): Promise<void> {
  await db.insertInto('lead').values(row).execute();
}

export async function updateLeadVersioned(
  db: Q,
  id: string,
  version: number,
  patch: Partial<LeadTable & LinkFields>,
): Promise<boolean> {
  const res = await db
    .updateTable('lead')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export function followupsOf(db: Q, leadId: string) {
  return db
    .selectFrom('lead_followup')
    .selectAll()
    .where('lead_id', '=', leadId)
    .orderBy('date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertFollowup(db: Q, row: LeadFollowupTable): Promise<void> {
  await db.insertInto('lead_followup').values(row).execute();
}

/** Recomputes `search_text` of these leads (after an edit or a firm rename). */
export async function refreshLeadSearchText(db: Q, leadIds: readonly string[]): Promise<void> {
  if (leadIds.length === 0) return;
  const rows = await base(db).where('lead.id', 'in', leadIds).execute();
  for (const l of rows) {
    const text = leadSearchText(l, [l.target_firm_name, l.referrer_firm_name]);
    if (text !== l.search_text)
      await db.updateTable('lead').set({ search_text: text }).where('id', '=', l.id).execute();
  }
}
