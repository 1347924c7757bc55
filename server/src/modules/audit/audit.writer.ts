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

/**
 * Writes one audit row. Call it inside the same transaction as the change, so a change
 * without its trail (or a trail without its change) cannot exist.
 */
export async function writeAudit(
  trx: Transaction<Database> | Kysely<Database>,
  ctx: ServiceContext,
  entry: AuditEntry,
): Promise<void> {
  const { before, after } = diffRecords(entry.before ?? null, entry.after ?? null);
  await trx
    .insertInto('audit_log')
    .values({
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
    })
    .execute();
}
