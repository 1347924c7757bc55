import { isDeadline } from '../../../../shared/src/agreement';
import type {
  AmendAgreementBody,
  CommitmentInput,
  ComplianceActionBody,
  CreateAgreementBody,
} from '../../../../shared/src/contract/agreement';
import type { AgreementCommitmentTable } from '../../db/database';
import { newId } from '../../lib/ids';
import type { ServiceContext } from '../../plugins/context';
import { requireActor } from '../../plugins/context';
import { errors } from '../../plugins/errors';
import { writeAudit } from '../audit/audit.writer';
import { editableProject, visibleProject } from './agreement.policy';
import { presentAgreements } from './agreement.presenter';
import * as repo from './agreement.repository';

/** 投资协议 agreements: signed promises, amended (never overwritten), with the zone's consequences. */

type Q = Parameters<typeof repo.agreementById>[0];

function commitmentRow(
  c: CommitmentInput,
  agreementId: string,
  projectId: string,
  amendmentId: string | null,
  at: string,
): AgreementCommitmentTable {
  const deadline = isDeadline(c.measure);
  return {
    id: newId(),
    agreement_id: agreementId,
    project_id: projectId,
    measure: c.measure,
    value: deadline ? null : (c.value ?? null),
    due_year: c.dueYear,
    due_date: deadline ? (c.dueDate ?? null) : (c.dueDate ?? null),
    amendment_id: amendmentId,
    superseded_by: null,
    created_at: at,
  };
}

async function agreementsAnswer(db: Q, projectId: string) {
  const rows = await repo.agreementsOfProject(db, projectId);
  return presentAgreements(
    rows,
    await repo.partsOf(
      db,
      rows.map((r) => r.id),
    ),
  );
}

async function oneAgreement(db: Q, id: string) {
  const row = await repo.agreementById(db, id);
  if (!row) throw errors.notFound('agreement');
  const [dto] = presentAgreements([row], await repo.partsOf(db, [id]));
  if (!dto) throw errors.notFound('agreement');
  return dto;
}

/** A project's agreements with commitments, history, amendments and actions. */
export async function listAgreements(ctx: ServiceContext, projectId: string) {
  const actor = requireActor(ctx);
  await visibleProject(ctx.db.kysely, actor, projectId);
  return { items: await agreementsAnswer(ctx.db.kysely, projectId) };
}

/** Records a signed agreement and its commitments (the project's officer or an admin), audited. */
export async function createAgreement(ctx: ServiceContext, projectId: string, input: CreateAgreementBody) {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  await editableProject(db, actor, projectId);
  if (input.signingFirmId && !(await repo.firmExists(db, input.signingFirmId))) {
    throw errors.validation([{ path: 'signingFirmId', message: { zh: '企业不存在', en: 'No such firm' } }]);
  }
  const at = ctx.clock.now().toISOString();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const row = {
      id,
      project_id: projectId,
      number: input.number,
      signed_date: input.signedDate,
      zone_party: input.zoneParty,
      signing_company: input.signingCompany,
      signing_firm_id: input.signingFirmId ?? null,
      note: input.note ?? null,
      is_sample: 0,
      created_by_name: actor.username,
      created_at: at,
      updated_at: at,
    };
    const commitments = input.commitments.map((c) => commitmentRow(c, id, projectId, null, at));
    await repo.insertAgreement(trx, row);
    await repo.insertCommitments(trx, commitments);
    await writeAudit(trx, ctx, {
      entity: 'agreement',
      entityId: id,
      action: 'create',
      after: {
        ...row,
        commitments: commitments.map(({ measure, value, due_year, due_date }) => ({
          measure,
          value,
          due_year,
          due_date,
        })),
      },
    });
  });
  return oneAgreement(db, id);
}

/**
 * An amendment (补充协议): a date, a reason and the commitments it replaces, adds or drops. The
 * replaced ones stay as history (superseded_by), so what was promised when is never lost.
 */
export async function amendAgreement(ctx: ServiceContext, agreementId: string, input: AmendAgreementBody) {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const agreement = await repo.agreementById(db, agreementId);
  if (!agreement) throw errors.notFound('agreement');
  await editableProject(db, actor, agreement.project_id);
  const changes = input.changes ?? [];
  const remove = input.remove ?? [];
  if (changes.length === 0 && remove.length === 0) {
    throw errors.validation([
      { path: 'changes', message: { zh: '请填写至少一项变更', en: 'Give at least one change' } },
    ]);
  }
  const at = ctx.clock.now().toISOString();
  const amendmentId = newId();
  await db.transaction().execute(async (trx) => {
    const replaced: string[] = [];
    for (const [i, id] of [...changes.map((c) => c.commitmentId ?? null), ...remove].entries()) {
      if (id === null) continue;
      if (!(await repo.commitmentInForce(trx, agreementId, id))) {
        const path = i < changes.length ? `changes.${i}.commitmentId` : `remove.${i - changes.length}`;
        throw errors.validation([
          { path, message: { zh: '该承诺不存在或已被变更', en: 'No such commitment in force' } },
        ]);
      }
      replaced.push(id);
    }
    await repo.insertAmendment(trx, {
      id: amendmentId,
      agreement_id: agreementId,
      date: input.date,
      reason: input.reason,
      actor_name: actor.username,
      at,
    });
    await repo.supersede(trx, replaced, amendmentId);
    const added = changes.map((c) => commitmentRow(c, agreementId, agreement.project_id, amendmentId, at));
    await repo.insertCommitments(trx, added);
    await repo.touchAgreement(trx, agreementId, at);
    await writeAudit(trx, ctx, {
      entity: 'agreement',
      entityId: agreementId,
      action: 'amend',
      after: {
        amendmentId,
        date: input.date,
        reason: input.reason,
        replaced,
        added: added.map(({ measure, value, due_year, due_date }) => ({
          measure,
          value,
          due_year,
          due_date,
        })),
      },
    });
  });
  return oneAgreement(db, agreementId);
}

/**
 * A consequence the zone recorded (reward withheld, land price adjusted, notice sent, extension). An
 * extension is also an amendment of the commitment: its new deadline replaces the old, kept as history.
 */
export async function recordAction(ctx: ServiceContext, agreementId: string, input: ComplianceActionBody) {
  const actor = requireActor(ctx);
  const db = ctx.db.kysely;
  const agreement = await repo.agreementById(db, agreementId);
  if (!agreement) throw errors.notFound('agreement');
  await editableProject(db, actor, agreement.project_id);
  const at = ctx.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const commitment = input.commitmentId
      ? await repo.commitmentInForce(trx, agreementId, input.commitmentId)
      : null;
    if (input.commitmentId && !commitment) {
      throw errors.validation([
        {
          path: 'commitmentId',
          message: { zh: '该承诺不存在或已被变更', en: 'No such commitment in force' },
        },
      ]);
    }
    let amendmentId: string | null = null;
    if (input.kind === 'extension_granted' && commitment && input.newDueDate) {
      amendmentId = newId();
      await repo.insertAmendment(trx, {
        id: amendmentId,
        agreement_id: agreementId,
        date: input.date,
        reason: input.note?.trim() || `延期至 ${input.newDueDate}`,
        actor_name: actor.username,
        at,
      });
      await repo.supersede(trx, [commitment.id], amendmentId);
      await repo.insertCommitments(trx, [
        {
          ...commitment,
          id: newId(),
          due_year: Number(input.newDueDate.slice(0, 4)),
          due_date: input.newDueDate,
          amendment_id: amendmentId,
          superseded_by: null,
          created_at: at,
        },
      ]);
    }
    const row = {
      id: newId(),
      project_id: agreement.project_id,
      agreement_id: agreementId,
      commitment_id: input.commitmentId ?? null,
      kind: input.kind,
      date: input.date,
      note: input.note ?? null,
      new_due_date: input.newDueDate ?? null,
      amendment_id: amendmentId,
      actor_name: actor.username,
      at,
    };
    await repo.insertAction(trx, row);
    await writeAudit(trx, ctx, {
      entity: 'compliance_action',
      entityId: row.id,
      action: 'create',
      after: { ...row },
    });
  });
  return oneAgreement(db, agreementId);
}
