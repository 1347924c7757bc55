import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';

/** Fields that never enter the audit log, whatever the entity (等保: no secrets in logs). */
const SECRET_FIELDS = new Set([
  'password_hash',
  'passwordHash',
  'token_hash',
  'tokenHash',
  'csrf_token',
  'secret',
]);

type Plain = Record<string, unknown>;

function scrub(obj: Plain | null | undefined): Plain | null {
  if (!obj) return null;
  const out: Plain = {};
  for (const [k, v] of Object.entries(obj)) out[k] = SECRET_FIELDS.has(k) ? '[redacted]' : v;
  return out;
}

/** Keeps only the fields that changed, so the log reads as a diff; creates and deletes keep all. */
export function diffRecords(
  before: Plain | null,
  after: Plain | null,
): { before: Plain | null; after: Plain | null } {
  const b = scrub(before);
  const a = scrub(after);
  if (!b || !a) return { before: b, after: a };
  const db: Plain = {};
  const da: Plain = {};
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (JSON.stringify(b[key]) !== JSON.stringify(a[key])) {
      db[key] = b[key] ?? null;
      da[key] = a[key] ?? null;
    }
  }
  return { before: db, after: da };
}

export interface AuditEntry {
  entity: string;
  entityId: string | null;
  action: string;
  before?: Plain | null;
  after?: Plain | null;
  /** For events without an actor in context (a failed login names who was tried). */
  actorName?: string | null;
}

/** The audit_log row for an entry, by the actor and clock in context. */
export function auditRowOf(ctx: ServiceContext, entry: AuditEntry) {
  const { before, after } = diffRecords(entry.before ?? null, entry.after ?? null);
  return {
    id: newId(),
    at: ctx.clock.now().toISOString(),
    actor_id: ctx.actor?.userId ?? null,
    actor_name: entry.actorName ?? ctx.actor?.username ?? (ctx.ip === 'cli' ? 'cli' : 'system'),
    ip: ctx.ip,
    entity: entry.entity,
    entity_id: entry.entityId,
    action: entry.action,
    before_json: before ? JSON.stringify(before) : null,
    after_json: after ? JSON.stringify(after) : null,
  };
}

/**
 * Writes one audit row. Call it inside the same transaction as the change, so a change
 * without its trail (or a trail without its change) cannot exist.
 */
export async function writeAudit(
  trx: Transaction<Database> | Kysely<Database>,
  ctx: ServiceContext,
  entry: AuditEntry,
): Promise<void> {
  await trx.insertInto('audit_log').values(auditRowOf(ctx, entry)).execute();
}

/** Rows per INSERT of a bulk audit write: 500 × 11 columns stays far below both databases' parameter limits. */
const AUDIT_BATCH = 500;

/** Writes many audit rows (a bulk import) in multi-row inserts; same rules as writeAudit. */
export async function writeAuditBatch(
  trx: Transaction<Database> | Kysely<Database>,
  ctx: ServiceContext,
  entries: readonly AuditEntry[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_BATCH) {
    const rows = entries.slice(i, i + AUDIT_BATCH).map((e) => auditRowOf(ctx, e));
    await trx.insertInto('audit_log').values(rows).execute();
  }
}

/** actor_name of the audit rows the escalation sweep writes (shown as 系统自动升级). */
export const ESCALATION_ACTOR = 'system:escalation';

/**
 * Writes the audit row of an automatic step (no user, no request): the escalation sweep records
 * each step an overdue item reaches, in the transaction that inserts the step.
 */
export async function writeAutomaticAudit(
  trx: Transaction<Database> | Kysely<Database>,
  atIso: string,
  actorName: string,
  entry: Omit<AuditEntry, 'actorName' | 'before'>,
): Promise<void> {
  const after = entry.after ?? null;
  await trx
    .insertInto('audit_log')
    .values({
      id: newId(),
      at: atIso,
      actor_id: null,
      actor_name: actorName,
      ip: null,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      before_json: null,
      after_json: after ? JSON.stringify(after) : null,
    })
    .execute();
}
