import type { Insertable, Kysely, Transaction } from 'kysely';
import type {
  AgreementAmendmentTable,
  AgreementCommitmentTable,
  AgreementTable,
  ComplianceActionTable,
  Database,
} from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

/** The project fields an agreement's rules need (scope, who may edit). */
export function projectOf(db: Q, projectId: string) {
  return db
    .selectFrom('project')
    .select(['id', 'code', 'name', 'officer_id', 'land_mu'])
    .where('id', '=', projectId)
    .executeTakeFirst();
}

export function firmExists(db: Q, firmId: string) {
  return db.selectFrom('firm').select('id').where('id', '=', firmId).executeTakeFirst();
}

export function agreementById(db: Q, id: string) {
  return db.selectFrom('agreement').selectAll().where('id', '=', id).executeTakeFirst();
}

export function agreementsOfProject(db: Q, projectId: string) {
  return db
    .selectFrom('agreement')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('signed_date')
    .orderBy('id')
    .execute();
}

/** Commitments (in force and replaced), amendments and actions of the agreements given. */
export async function partsOf(db: Q, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return { commitments: [], amendments: [], actions: [] };
  const ids = [...agreementIds];
  const [commitments, amendments, actions] = await Promise.all([
    db
      .selectFrom('agreement_commitment')
      .selectAll()
      .where('agreement_id', 'in', ids)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('agreement_amendment')
      .selectAll()
      .where('agreement_id', 'in', ids)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('compliance_action')
      .selectAll()
      .where('agreement_id', 'in', ids)
      .orderBy('at')
      .orderBy('id')
      .execute(),
  ]);
  return { commitments, amendments, actions };
}

export async function insertAgreement(db: Q, row: Insertable<AgreementTable>) {
  await db.insertInto('agreement').values(row).execute();
}

export async function insertCommitments(db: Q, rows: Insertable<AgreementCommitmentTable>[]) {
  if (rows.length > 0) await db.insertInto('agreement_commitment').values(rows).execute();
}

export async function insertAmendment(db: Q, row: Insertable<AgreementAmendmentTable>) {
  await db.insertInto('agreement_amendment').values(row).execute();
}

export async function insertAction(db: Q, row: Insertable<ComplianceActionTable>) {
  await db.insertInto('compliance_action').values(row).execute();
}

export function commitmentInForce(db: Q, agreementId: string, commitmentId: string) {
  return db
    .selectFrom('agreement_commitment')
    .selectAll()
    .where('id', '=', commitmentId)
    .where('agreement_id', '=', agreementId)
    .where('superseded_by', 'is', null)
    .executeTakeFirst();
}

/** Marks commitments replaced by an amendment (they stay, as history). */
export async function supersede(db: Q, ids: readonly string[], amendmentId: string) {
  if (ids.length === 0) return;
  await db
    .updateTable('agreement_commitment')
    .set({ superseded_by: amendmentId })
    .where('id', 'in', [...ids])
    .where('superseded_by', 'is', null)
    .execute();
}

export async function touchAgreement(db: Q, id: string, at: string) {
  await db.updateTable('agreement').set({ updated_at: at }).where('id', '=', id).execute();
}
