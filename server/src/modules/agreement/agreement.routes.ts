import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  agreementListSchema,
  agreementSchema,
  amendAgreementBody,
  complianceActionBody,
  createAgreementBody,
} from '../../../../shared/src/contract/agreement';
import { idParams } from '../../lib/fields';
import { amendAgreement, createAgreement, listAgreements, recordAction } from './agreement.service';

/** 投资协议 agreements of a project, their amendments and the consequences recorded (issue 14). */
export async function agreementRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/projects/:id/agreements',
    {
      config: { access: { permission: 'agreement.read' } },
      schema: {
        tags: ['agreement'],
        summary: 'A project’s investment agreements: commitments in force, history, amendments, actions',
        params: idParams,
        response: { 200: agreementListSchema },
      },
    },
    async function handleListAgreements(request) {
      return listAgreements(request.ctx, request.params.id);
    },
  );
  r.post(
    '/api/projects/:id/agreements',
    {
      config: { access: { permission: 'agreement.write' } },
      schema: {
        tags: ['agreement'],
        summary: 'Record a signed investment agreement with its commitments',
        params: idParams,
        body: createAgreementBody,
        response: { 201: agreementSchema },
      },
    },
    async function handleCreateAgreement(request, reply) {
      return reply.status(201).send(await createAgreement(request.ctx, request.params.id, request.body));
    },
  );
  r.post(
    '/api/agreements/:id/amendments',
    {
      config: { access: { permission: 'agreement.write' } },
      schema: {
        tags: ['agreement'],
        summary: 'Amend commitments (date and reason); the replaced ones are kept as history',
        params: idParams,
        body: amendAgreementBody,
        response: { 201: agreementSchema },
      },
    },
    async function handleAmendAgreement(request, reply) {
      return reply.status(201).send(await amendAgreement(request.ctx, request.params.id, request.body));
    },
  );
  r.post(
    '/api/agreements/:id/actions',
    {
      config: { access: { permission: 'compliance.act' } },
      schema: {
        tags: ['agreement'],
        summary:
          'Record a consequence: reward withheld, land price adjusted, notice sent, extension (new date)',
        params: idParams,
        body: complianceActionBody,
        response: { 201: agreementSchema },
      },
    },
    async function handleRecordAction(request, reply) {
      return reply.status(201).send(await recordAction(request.ctx, request.params.id, request.body));
    },
  );
}
