import type { Bilingual } from '../../../../shared/src/i18n-message';
import type { ServiceContext } from '../../plugins/context';
import { writeAudit } from '../audit/audit.writer';
import * as repo from './import.repository';
import { ownerGone } from './job-owner';

/**
 * Jobs whose process died (kill -9, power cut) are marked interrupted when a server starts, so the
 * person sees it at once and a bulk import resumes at once (issue 11 #12). "Interrupted" is a
 * failed job with a message saying so: a failed bulk job is resumable, a failed Excel import wrote
 * nothing (it is all or nothing) and is uploaded again.
 */

export const INTERRUPTED: { bulk: Bilingual; workbook: Bilingual } = {
  bulk: {
    zh: '导入已中断（服务停止），已提交的批次保留，可继续导入',
    en: 'The import was interrupted (the server stopped); committed batches are kept, resume to continue',
  },
  workbook: {
    zh: '导入已中断（服务重启），未写入任何数据，请重新上传',
    en: 'The import was interrupted (the server restarted); nothing was written, upload it again',
  },
};

const both = (m: Bilingual) => `${m.zh} / ${m.en}`;

/**
 * Marks every running job whose process is gone as interrupted; a job another live process runs
 * (fresh heartbeat) is left alone. Returns how many were marked. Each mark is audited.
 */
export async function interruptOrphanedJobs(ctx: ServiceContext): Promise<number> {
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  let marked = 0;
  for (const job of await repo.runningJobs(ctx.db.kysely)) {
    if (!ownerGone(job, now)) continue;
    const message = both(job.bulk_job_id ? INTERRUPTED.bulk : INTERRUPTED.workbook);
    const done = await ctx.db.kysely.transaction().execute(async (trx) => {
      const ok = await repo.updateJobIfUnchanged(trx, job.id, job, {
        status: 'failed',
        message,
        updated_at: nowIso,
        finished_at: nowIso,
      });
      if (ok) {
        await writeAudit(trx, ctx, {
          entity: 'import_job',
          entityId: job.id,
          action: 'interrupt',
          before: { status: 'running', ownerHost: job.owner_host, ownerPid: job.owner_pid },
          after: { status: 'failed', message },
        });
      }
      return ok;
    });
    if (done) marked++;
  }
  return marked;
}
