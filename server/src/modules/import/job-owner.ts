import os from 'node:os';
import type { Kysely } from 'kysely';
import type { Database, ImportJobTable } from '../../db/database';
import type { Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { processAlive } from '../../lib/process-alive';

/**
 * Who runs an import job, and whether that process is still there (issue 11 #12). A job's row
 * names its process (host, pid, and an id drawn at process start) and the process writes a
 * heartbeat into it while the job runs. A running job is taken as interrupted when:
 * - it was started on this host by a pid that is no longer alive, or by this very pid in an earlier
 *   life (a restarted container gets pid 1 again) — known at once, no waiting;
 * - or its heartbeat is older than HEARTBEAT_STALE_MS — the only sign for a job of another host:
 *   several processes may serve one PostgreSQL, and a live one's job must not be taken from it.
 */

export interface JobOwner {
  host: string;
  pid: number;
  instance: string;
}

/** This process: drawn once when the module loads. */
export const THIS_PROCESS: JobOwner = { host: os.hostname(), pid: process.pid, instance: newId() };

/** How often a process writes the heartbeat of the jobs it runs. */
export const HEARTBEAT_MS = 15_000;
/**
 * A heartbeat this old means its process is gone: six missed beats, so a busy event loop or a few
 * seconds of clock difference between hosts does not make a live job look dead.
 */
export const HEARTBEAT_STALE_MS = 90_000;

export type OwnerColumns = Pick<
  ImportJobTable,
  'owner_host' | 'owner_pid' | 'owner_instance' | 'heartbeat_at'
>;

/** The owner columns of a job this process starts or takes over now. */
export function ownedByThisProcess(nowIso: string): OwnerColumns {
  return {
    owner_host: THIS_PROCESS.host,
    owner_pid: THIS_PROCESS.pid,
    owner_instance: THIS_PROCESS.instance,
    heartbeat_at: nowIso,
  };
}

/** True when the process that ran this running job is gone (see above). */
export function ownerGone(
  job: OwnerColumns & Pick<ImportJobTable, 'updated_at'>,
  now: Date,
  self: JobOwner = THIS_PROCESS,
): boolean {
  if (job.owner_instance === self.instance) return false;
  if (job.owner_host === self.host && job.owner_pid !== null) {
    if (Number(job.owner_pid) === self.pid || !processAlive(Number(job.owner_pid))) return true;
  }
  const beat = Date.parse(job.heartbeat_at ?? job.updated_at);
  return now.getTime() - beat > HEARTBEAT_STALE_MS;
}

interface Beating {
  db: Kysely<Database>;
  clock: Clock;
}

const beating = new Map<string, Beating>();
let timer: NodeJS.Timeout | null = null;

async function beat(): Promise<void> {
  for (const [jobId, { db, clock }] of beating) {
    await db
      .updateTable('import_job')
      .set({ heartbeat_at: clock.now().toISOString() })
      .where('id', '=', jobId)
      .where('owner_instance', '=', THIS_PROCESS.instance)
      .where('status', '=', 'running')
      .execute()
      // A closed database (shutdown, a finished test) ends the beat of that job, nothing more.
      .catch(() => beating.delete(jobId));
  }
}

/**
 * Keeps the heartbeat of a job this process runs until the returned function is called. One timer
 * for all jobs of the process, stopped when none runs (and never keeping the process alive).
 */
export function keepHeartbeat(db: Kysely<Database>, clock: Clock, jobId: string): () => void {
  beating.set(jobId, { db, clock });
  if (!timer) {
    timer = setInterval(() => void beat(), HEARTBEAT_MS);
    timer.unref();
  }
  return () => {
    beating.delete(jobId);
    if (beating.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}
