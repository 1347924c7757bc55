import { publicLink } from '../../../../shared/src/record-path';
import type { Db } from '../../db/connect';
import { addMinutes, type Clock } from '../../lib/clock';
import {
  claimDelivery,
  dueDeliveries,
  markDeliveryAttemptFailed,
  markDeliverySent,
} from './channel.repository';
import { type EscalationSource, recordEscalation } from './escalation.service';
import { sendOnChannel } from './outbound';

export interface SweepOptions {
  /** Deliveries per run. */
  limit?: number;
  /** The zone's public address (LIANZHAO_PUBLIC_URL): messages then carry a link to their record. */
  publicUrl?: string | null;
}

/** A delivery is tried this many times (back-off 1, 2, 4, 8 minutes) before it is marked failed. */
export const MAX_ATTEMPTS = 5;

/**
 * Records the escalation steps every overdue record of the sources has reached (requests, tasks).
 * Idempotent: what was recorded stays, a second run adds nothing. Returns the number of new steps.
 */
export async function sweepEscalations(
  db: Db,
  clock: Clock,
  sources: readonly EscalationSource[],
): Promise<number> {
  const now = clock.now();
  const nowIso = now.toISOString();
  let added = 0;
  for (const source of sources) {
    for (const subject of await source.overdueSubjects(db.kysely, now)) {
      if (subject.level === 'none') continue;
      added += await db.kysely.transaction().execute((trx) => recordEscalation(trx, nowIso, subject));
    }
  }
  return added;
}

/**
 * Sends the queued outbound messages that are due. Each is claimed first (pending → sending, by a
 * conditional update), so two app processes never send the same one.
 */
export async function deliverPending(
  db: Db,
  clock: Clock,
  opts: SweepOptions = {},
): Promise<{ sent: number; failed: number }> {
  const limit = opts.limit ?? 50;
  const k = db.kysely;
  const nowIso = clock.now().toISOString();
  const due = await dueDeliveries(k, nowIso, limit);
  let sent = 0;
  let failed = 0;
  for (const d of due) {
    if (!(await claimDelivery(k, d.id))) continue;
    try {
      const link = d.link_path ? publicLink(opts.publicUrl ?? null, d.link_path) : null;
      await sendOnChannel(d, { subject: d.subject, body: d.body, link });
      await markDeliverySent(k, d.id, d.attempts + 1, clock.now().toISOString());
      sent++;
    } catch (err) {
      const attempts = d.attempts + 1;
      await markDeliveryAttemptFailed(k, d.id, {
        status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
        attempts,
        lastError: String((err as Error).message ?? err).slice(0, 500),
        nextAttemptAt: addMinutes(clock.now(), 2 ** (attempts - 1)).toISOString(),
      });
      failed++;
    }
  }
  return { sent, failed };
}

/** One round: escalations first (they queue messages), then the deliveries. */
export async function runSweep(
  db: Db,
  clock: Clock,
  sources: readonly EscalationSource[],
  opts: SweepOptions = {},
) {
  const escalations = await sweepEscalations(db, clock, sources);
  const delivered = await deliverPending(db, clock, opts);
  return { escalations, ...delivered };
}

/**
 * Runs the sweep every `intervalMs` in a serving process (main.ts). The timer only triggers the
 * recomputation; the escalations themselves are derived from the data, so a restart loses nothing.
 */
export function startSweeper(
  db: Db,
  clock: Clock,
  sources: readonly EscalationSource[],
  log: { warn: (obj: unknown, msg: string) => void },
  intervalMs = 60_000,
  opts: SweepOptions = {},
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runSweep(db, clock, sources, opts);
    } catch (err) {
      log.warn({ err }, 'supervision sweep failed; it runs again at the next interval');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
