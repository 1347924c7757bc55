import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHAIN_SCOPES } from '../../../../shared/src/chain';
import {
  attachedSchema,
  chainDetailSchema,
  chainMapSchema,
  chainSchema,
  overviewItemSchema,
  rankingSettingsSchema,
  referralNetworkSchema,
  weightsSchema,
} from '../../../../shared/src/contract/chain';
import { idString, longText, money, nameText, queryBool, shortText } from '../../lib/fields';
import { errors } from '../../plugins/errors';
import { createChain, deleteChainRecord, getChain, listChainRecords, updateChain } from './chain.service';
import {
  chainFileSchema,
  exportChain,
  exportChainXlsx,
  importChain,
  importChainXlsx,
} from './chain-io.service';
import { chainLinkRoutes } from './chain-link.routes';
import { chainMap, chainOverview } from './chain-map.service';
import { getWeights, setWeights } from './chain-target.service';
import { referralNetwork } from './referral.service';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (name: string) =>
  `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;

const chainParams = z.object({ id: idString });
const yearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
const confirmQuery = z.strictObject({ confirm: queryBool.optional() });

const chainFields = {
  nameEn: shortText.nullable().optional(),
  officialName: nameText.nullable().optional(),
  officialTitle: shortText.nullable().optional(),
  description: longText.nullable().optional(),
  goal: longText.nullable().optional(),
  scope: z.enum(CHAIN_SCOPES).optional(),
  region: shortText.nullable().optional(),
  isCityKey: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
  leaders: z
    .array(
      z.strictObject({
        firmId: idString,
        linkId: idString.nullable().optional(),
        note: shortText.nullable().optional(),
      }),
    )
    .max(50)
    .optional(),
  parks: z
    .array(z.strictObject({ name: nameText, note: shortText.nullable().optional() }))
    .max(50)
    .optional(),
  targets: z
    .array(
      z.strictObject({
        year: z.number().int().min(2000).max(2100),
        projectsTarget: z.number().int().min(0).max(100_000).nullable().optional(),
        investmentTarget: money.nullable().optional(),
      }),
    )
    .max(50)
    .optional(),
};

/** Industrial chains (issue 4): /api/chains… and the referral network /api/referrals. */
export async function chainRoutes(app: FastifyInstance) {
  await app.register(multipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 2, parts: 3 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = { permission: 'chain.read' } as const;
  const write = { permission: 'chain.write' } as const;
  const tags = ['chain'];
  // Links, targets and attachments: chain-link.routes.ts (same prefix, same rules).
  await app.register(chainLinkRoutes);

  r.get(
    '/api/chains',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'All chains (产业链) with official, leaders, parks, targets',
        response: { 200: z.object({ items: z.array(chainSchema) }) },
      },
    },
    async function handleListChains(request) {
      return { items: await listChainRecords(request.ctx) };
    },
  );

  r.get(
    '/api/chains/overview',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Zone overview: every chain with coverage, projects, investment, targets vs actuals, ranked',
        querystring: yearQuery,
        response: { 200: z.object({ items: z.array(overviewItemSchema) }) },
      },
    },
    async function handleOverview(request) {
      return { items: await chainOverview(request.ctx, request.reads, request.query.year) };
    },
  );

  r.get(
    '/api/chains/settings',
    {
      config: { access: read },
      schema: {
        tags,
        summary: "The zone's target ranking weights",
        response: { 200: rankingSettingsSchema },
      },
    },
    async function handleGetSettings(request) {
      return getWeights(request.ctx);
    },
  );

  r.put(
    '/api/chains/settings',
    {
      config: { access: { permission: 'chain.weights' } },
      schema: {
        tags,
        summary: 'Set the ranking weights (send the version read; 0 before the first save)',
        body: z.strictObject({ weights: weightsSchema, version: z.number().int().min(0) }),
        response: { 200: rankingSettingsSchema },
      },
    },
    async function handleSetSettings(request) {
      return setWeights(request.ctx, request.body);
    },
  );

  r.post(
    '/api/chains',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Create a chain',
        body: z.strictObject({ name: nameText, ...chainFields }),
        response: { 201: chainDetailSchema },
      },
    },
    async function handleCreateChain(request, reply) {
      return reply.status(201).send(await createChain(request.ctx, request.body));
    },
  );

  const importResponse = z.object({ chain: chainDetailSchema, warnings: z.array(z.string()) });
  r.post(
    '/api/chains/import',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Import a chain from its JSON file (as exported); creates a new chain',
        querystring: z.strictObject({ name: nameText.optional() }),
        body: z.unknown(),
        response: { 201: importResponse },
      },
    },
    async function handleImportJson(request, reply) {
      return reply.status(201).send(await importChain(request.ctx, request.body, request.query.name));
    },
  );

  r.post(
    '/api/chains/import/xlsx',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Import a chain from xlsx (multipart field file; layout as exported)',
        response: { 201: importResponse },
      },
    },
    async function handleImportXlsx(request, reply) {
      if (!request.isMultipart()) {
        const message = {
          zh: '请以 multipart/form-data 上传文件（字段 file）',
          en: 'Upload the file as multipart/form-data (field file)',
        };
        throw errors.badRequest('CHAIN_IMPORT_NOT_MULTIPART', message, [{ path: 'file', message }]);
      }
      const file = await request.file();
      if (!file)
        throw errors.validation([{ path: 'file', message: { zh: '请选择文件', en: 'Choose a file' } }]);
      const bytes = await file.toBuffer();
      return reply.status(201).send(await importChainXlsx(request.ctx, bytes));
    },
  );

  r.get(
    '/api/chains/:id',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'One chain with its link tree',
        params: chainParams,
        response: { 200: chainDetailSchema },
      },
    },
    async function handleGetChain(request) {
      return getChain(request.ctx, request.params.id);
    },
  );

  r.patch(
    '/api/chains/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Edit a chain (send the version read; 409 if it changed)',
        params: chainParams,
        body: z.strictObject({ version: z.number().int().min(1), name: nameText.optional(), ...chainFields }),
        response: { 200: chainDetailSchema },
      },
    },
    async function handleUpdateChain(request) {
      return updateChain(request.ctx, request.params.id, request.body);
    },
  );

  r.delete(
    '/api/chains/:id',
    {
      config: { access: write },
      schema: {
        tags,
        summary: 'Delete a chain; without confirm=true answers 409 with what is attached',
        params: chainParams,
        querystring: confirmQuery,
        response: { 200: z.object({ deleted: z.literal(true), attached: attachedSchema }) },
      },
    },
    async function handleDeleteChain(request) {
      const attached = await deleteChainRecord(
        request.ctx,
        request.params.id,
        request.query.confirm === true,
      );
      return { deleted: true as const, attached };
    },
  );

  r.get(
    '/api/chains/:id/export',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Export a chain as JSON (format=json) or xlsx (format=xlsx)',
        params: chainParams,
        querystring: z.strictObject({ format: z.enum(['json', 'xlsx']).default('json') }),
      },
    },
    async function handleExport(request, reply) {
      if (request.query.format === 'xlsx') {
        const file = await exportChainXlsx(request.ctx, request.params.id);
        return reply.type(XLSX_MIME).header('content-disposition', attachment(file.name)).send(file.bytes);
      }
      const file = await exportChain(request.ctx, request.params.id);
      return reply
        .header('content-disposition', attachment(`${file.chain.name}.json`))
        .send(chainFileSchema.parse(file));
    },
  );

  r.get(
    '/api/chains/:id/map',
    {
      config: { access: read },
      schema: {
        tags,
        summary: 'Chain map: links with state strong/weak/missing, counts, targets vs actuals',
        params: chainParams,
        querystring: yearQuery,
        response: { 200: chainMapSchema },
      },
    },
    async function handleMap(request) {
      return chainMap(request.ctx, request.reads, request.params.id, request.query.year);
    },
  );

  r.get(
    '/api/referrals',
    {
      config: { access: read },
      schema: {
        tags,
        summary: '以商招商 network: which local firms brought which leads and projects, totals per referrer',
        response: { 200: referralNetworkSchema },
      },
    },
    async function handleReferrals(request) {
      return referralNetwork(request.ctx, request.reads);
    },
  );
}
