import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { ATTACHMENT_VISIBILITY } from './attachment-visibility';
import {
  type AppConfig,
  DEFAULT_LIST_CACHE_MB,
  DEFAULT_LIST_EXACT_TOTAL_CAP,
  type MapTilesConfig,
} from './config';
import type { Db } from './db/connect';
import { createReadRunner } from './db/read-pool';
import { ESCALATION_SOURCES } from './escalation-sources';
import { type Clock, systemClock } from './lib/clock';
import { newId } from './lib/ids';
import { VersionedAnswers } from './lib/versioned-answers';
import { actualRoutes } from './modules/actual/actual.routes';
import { agreementRoutes } from './modules/agreement/agreement.routes';
import { attachmentRoutes } from './modules/attachment/attachment.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import type { LoginLimits } from './modules/auth/auth.service';
import { campaignRoutes } from './modules/campaign/campaign.routes';
import { chainRoutes } from './modules/chain/chain.routes';
import { cockpitRoutes } from './modules/cockpit/cockpit.routes';
import { complianceRoutes } from './modules/compliance/compliance.routes';
import { departmentRoutes } from './modules/department/department.routes';
import { exportRoutes } from './modules/export/export.routes';
import { firmRoutes } from './modules/firm/firm.routes';
import { bulkImportRoutes } from './modules/import/bulk/bulk.routes';
import { importRoutes } from './modules/import/import.routes';
import { inboxRoutes } from './modules/inbox/inbox.routes';
import { intakeRoutes } from './modules/intake/intake.routes';
import { leadRoutes } from './modules/lead/lead.routes';
import { mapRoutes } from './modules/map/map.routes';
import { muRoutes } from './modules/mu-evaluation/mu.routes';
import { notifyRoutes } from './modules/notify/notify.routes';
import { officerRoutes } from './modules/officer/officer.routes';
import { parkRoutes } from './modules/park/park.routes';
import { plotRoutes } from './modules/plot/plot.routes';
import { problemRoutes } from './modules/problem/problem.routes';
import { programmeRoutes } from './modules/programme/programme.routes';
import { projectRoutes } from './modules/project/project.routes';
import { reportRoutes } from './modules/report/report.routes';
import { requestRoutes } from './modules/request/request.routes';
import { roundRoutes } from './modules/round/round.routes';
import { siteRoutes } from './modules/site/site.routes';
import { stageNormRoutes } from './modules/stage-norm/stage-norm.routes';
import { systemRoutes } from './modules/system/system.routes';
import { targetRoutes } from './modules/target/target.routes';
import { taskRoutes } from './modules/task/task.routes';
import { tokenRoutes } from './modules/token/token.routes';
import { unitRoutes } from './modules/unit/unit.routes';
import { userRoutes } from './modules/user/user.routes';
import { warningRoutes } from './modules/warning/warning.routes';
import { registerAuth } from './plugins/auth';
import { registerErrorHandler } from './plugins/errors';
import { registerOpenApi } from './plugins/openapi';
import { registerSecurityHeaders } from './plugins/security-headers';
import { registerTextGuard } from './plugins/text-guard';
import { registerWeb } from './plugins/web';
import { type AppReadRunner, READ_TASKS, READ_TASKS_MODULE } from './read-tasks';

declare module 'fastify' {
  interface FastifyInstance {
    /** LIANZHAO_PUBLIC_URL, or null: the base of links in outbound messages. */
    publicUrl: string | null;
    /** LIANZHAO_MAP_TILES, or null: no basemap. */
    mapTiles: MapTilesConfig | null;
    /** LIANZHAO_LIST_EXACT_TOTAL_CAP: lists count exactly up to this many, then estimate. */
    listExactTotalCap: number;
    /** LIANZHAO_LIST_CACHE_MB: the project list's pages, kept until the next committed write. */
    listAnswers: VersionedAnswers;
  }
}

export interface BuildOptions {
  db: Db;
  config: Pick<
    AppConfig,
    'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'secureCookies' | 'trustProxy' | 'webDist'
  > &
    Partial<Pick<AppConfig, 'logLevel' | 'publicUrl' | 'mapTiles' | 'listExactTotalCap' | 'listCacheMb'>>;
  clock?: Clock;
  logger?: boolean;
  loginLimits?: Partial<LoginLimits>;
  /** Worker threads for heavy reads on SQLite (0 = inline; tests mostly use 0). */
  readWorkers?: number;
  /** Each read worker's PostgreSQL pool (db/pool-size.ts); 4 when not given. */
  readWorkerPgPoolSize?: number;
  /** Largest JSON body: 1 MiB is far above any form; file uploads have their own limit. */
  bodyLimit?: number;
}

/** Builds the whole app (plugins, routes). `main.ts` listens; tests call `inject()` on it. */
export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger: opts.logger
      ? {
          level: opts.config.logLevel ?? 'info',
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        }
      : false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : newId();
    },
    requestIdHeader: false,
    bodyLimit: opts.bodyLimit ?? 1024 * 1024,
    trustProxy: opts.config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const reads: AppReadRunner = createReadRunner(
    opts.db,
    opts.readWorkers ?? 0,
    {
      tasks: READ_TASKS,
      moduleUrl: READ_TASKS_MODULE,
    },
    { pgPoolPerWorker: opts.readWorkerPgPoolSize },
  );
  app.decorate('reads', reads);
  // Routes that send messages (the notify sweep) put the zone's address in their links.
  app.decorate('publicUrl', opts.config.publicUrl ?? null);
  // The map's basemap (GET /api/map/basemap), or null: plain background.
  app.decorate('mapTiles', opts.config.mapTiles ?? null);
  app.decorate('listExactTotalCap', opts.config.listExactTotalCap ?? DEFAULT_LIST_EXACT_TOTAL_CAP);
  app.decorate(
    'listAnswers',
    new VersionedAnswers((opts.config.listCacheMb ?? DEFAULT_LIST_CACHE_MB) * 1024 * 1024),
  );
  app.decorate('escalationSources', ESCALATION_SOURCES);
  app.decorateRequest('reads', null as unknown as AppReadRunner);
  app.addHook('onRequest', async (request) => {
    request.reads = reads;
  });
  app.addHook('onClose', async () => {
    app.listAnswers.clear();
    await reads.close();
  });

  registerErrorHandler(app);
  // First, so that every route — API, web UI, API docs, 404 — answers with the headers.
  registerSecurityHeaders(app, {
    secure: opts.config.secureCookies,
    tileOrigin: opts.config.mapTiles?.origin ?? null,
  });
  registerTextGuard(app);
  await app.register(cookie);
  registerAuth(app, { db: opts.db, clock, sessionIdleMinutes: opts.config.sessionIdleMinutes });
  await registerOpenApi(app);

  const limits: LoginLimits = {
    perIpAttempts: 100,
    perIpWindowMinutes: 10,
    sessionIdleMinutes: opts.config.sessionIdleMinutes,
    sessionAbsoluteHours: opts.config.sessionAbsoluteHours,
    ...opts.loginLimits,
  };
  await app.register(systemRoutes);
  await app.register(authRoutes(limits, opts.config.secureCookies));
  await app.register(userRoutes);
  await app.register(officerRoutes);
  await app.register(departmentRoutes);
  await app.register(tokenRoutes);
  await app.register(auditRoutes);
  await app.register(firmRoutes);
  await app.register(leadRoutes);
  await app.register(projectRoutes);
  await app.register(parkRoutes);
  await app.register(plotRoutes);
  await app.register(unitRoutes);
  await app.register(siteRoutes);
  await app.register(mapRoutes);
  await app.register(importRoutes);
  await app.register(bulkImportRoutes);
  await app.register(intakeRoutes);
  await app.register(exportRoutes);
  // Industrial chains (issue 4).
  await app.register(chainRoutes);
  // Factor guarantees and supervision (issue 5).
  await app.register(requestRoutes);
  await app.register(taskRoutes);
  await app.register(campaignRoutes);
  await app.register(problemRoutes);
  await app.register(programmeRoutes);
  await app.register(inboxRoutes);
  await app.register(agreementRoutes);
  await app.register(actualRoutes);
  await app.register(complianceRoutes);
  await app.register(muRoutes);
  await app.register(notifyRoutes);
  await app.register(attachmentRoutes, { visibility: ATTACHMENT_VISIBILITY });
  await app.register(cockpitRoutes);
  await app.register(warningRoutes);
  await app.register(roundRoutes);
  await app.register(reportRoutes);
  await app.register(targetRoutes);
  await app.register(stageNormRoutes);
  await registerWeb(app, opts.config.webDist);
  return app;
}
