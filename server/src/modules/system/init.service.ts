import { checkPasswordPolicy } from '../../../../shared/src/password-policy';
import type { Db } from '../../db/connect';
import { withInitLock } from '../../db/init-lock';
import { migrateToLatest } from '../../db/migrate';
import type { Clock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { writeAudit } from '../audit/audit.writer';
import { seedDemoAgreements } from '../demo/demo-agreements';
import { seedDemoChains } from '../demo/demo-chain';
import { seedDemoDispatch } from '../demo/demo-dispatch';
import { seedDemoFigureSources } from '../demo/demo-figure-sources';
import { DEMO_ZONE, seedDemoUsers, seedZoneAndDepartments } from '../demo/demo-foundation';
import { seedDemoParks } from '../demo/demo-parks';
import { seedDemoPipeline } from '../demo/demo-pipeline';
import { seedDemoSupervision } from '../demo/demo-supervision';
import { createUser } from '../user/user.service';

export type InitOptions =
  | { demo: true; demoPassword: string }
  | { demo: false; adminPassword: string; adminUsername?: string; zoneName?: string };

export type InitResult = { status: 'exists' } | { status: 'created'; demo: boolean };

/** Demo data loaders added by later areas run after the foundation's, in this order. */
export type DemoSeeder = (db: Db, nowIso: string) => Promise<void>;
const demoSeeders: DemoSeeder[] = [];
export function registerDemoSeeder(seeder: DemoSeeder): void {
  demoSeeders.push(seeder);
}
// Firms, leads and projects of the newspaper page plus sample records (issue 3).
registerDemoSeeder(seedDemoPipeline);
// Industrial chains, their links and sample external targets (issue 4); after the pipeline.
registerDemoSeeder(seedDemoChains);
// Factor requests, supervised tasks, campaigns, pilots, paired assistance, a problem list (issue 5).
registerDemoSeeder(seedDemoSupervision);
// Dispatch rounds around the page's date, reports, sample targets (issue 6); after the pipeline.
registerDemoSeeder(seedDemoDispatch);
// Parks, sample plots and standard factories, the page's projects on plots (issue 18); after the pipeline and chains.
registerDemoSeeder(seedDemoParks);
// Agreements with commitments, sample actual figures and a sample 亩均 evaluation (issue 14).
registerDemoSeeder(seedDemoAgreements);
// Where each project figure comes from (issue 14): promised, estimated, reported, verified.
registerDemoSeeder(seedDemoFigureSources);

/**
 * Prepares an instance: migrations, then (only if there are no users yet) the zone and either the
 * demo data or a single admin whose password the operator supplied. Safe to run on every start,
 * and by several processes at once: they take turns (withInitLock), so the demo loads once.
 */
export function initInstance(db: Db, clock: Clock, opts: InitOptions): Promise<InitResult> {
  return withInitLock(db, () => migrateAndLoad(db, clock, opts));
}

async function migrateAndLoad(db: Db, clock: Clock, opts: InitOptions): Promise<InitResult> {
  await migrateToLatest(db);
  const existing = await db.kysely
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return { status: 'exists' };
  const nowIso = clock.now().toISOString();
  const ctx = { db, actor: null, ip: null, clock };
  if (opts.demo) {
    const policy = checkPasswordPolicy(opts.demoPassword);
    if (!policy.ok) throw new Error(`LIANZHAO_DEMO_PASSWORD: ${policy.message.en}`);
    const departments = await seedZoneAndDepartments(db, nowIso);
    await seedDemoUsers(db, opts.demoPassword, departments, nowIso);
    for (const seeder of demoSeeders) await seeder(db, nowIso);
    await writeAudit(db.kysely, ctx, {
      entity: 'system',
      entityId: null,
      action: 'init.demo',
      actorName: 'system',
    });
    return { status: 'created', demo: true };
  }
  const policy = checkPasswordPolicy(opts.adminPassword);
  if (!policy.ok) throw new Error(`admin password: ${policy.message.en} / ${policy.message.zh}`);
  await db.kysely
    .insertInto('zone')
    .values({
      id: newId(),
      name: opts.zoneName ?? DEMO_ZONE.name,
      short_name: opts.zoneName ?? DEMO_ZONE.shortName,
      region: opts.zoneName ? '' : DEMO_ZONE.region,
      created_at: nowIso,
    })
    .execute();
  await createUser(ctx, {
    username: opts.adminUsername ?? 'admin',
    displayName: '系统管理员',
    role: 'admin',
    password: opts.adminPassword,
    mustChangePassword: false,
  });
  await writeAudit(db.kysely, ctx, {
    entity: 'system',
    entityId: null,
    action: 'init.clean',
    actorName: 'system',
  });
  return { status: 'created', demo: false };
}
