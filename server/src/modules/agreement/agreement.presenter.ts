import type {
  ActualPeriod,
  ActualSource,
  CommitmentMeasure,
  ConsequenceKind,
} from '../../../../shared/src/agreement';
import type { Agreement, Commitment, ComplianceAction } from '../../../../shared/src/contract/agreement';
import type {
  AgreementAmendmentTable,
  AgreementCommitmentTable,
  AgreementTable,
  ComplianceActionTable,
} from '../../db/database';

/** Rows → API objects for agreements (rows never leave the service). */
export function presentCommitment(r: AgreementCommitmentTable): Commitment {
  return {
    id: r.id,
    measure: r.measure as CommitmentMeasure,
    value: r.value === null ? null : Number(r.value),
    dueYear: Number(r.due_year),
    dueDate: r.due_date,
    amendmentId: r.amendment_id,
    supersededBy: r.superseded_by,
    createdAt: r.created_at,
  };
}

export function presentAction(r: ComplianceActionTable): ComplianceAction {
  return {
    id: r.id,
    agreementId: r.agreement_id,
    commitmentId: r.commitment_id,
    kind: r.kind as ConsequenceKind,
    date: r.date,
    note: r.note,
    newDueDate: r.new_due_date,
    actorName: r.actor_name,
    at: r.at,
  };
}

export function presentAgreements(
  agreements: readonly AgreementTable[],
  parts: {
    commitments: readonly AgreementCommitmentTable[];
    amendments: readonly AgreementAmendmentTable[];
    actions: readonly ComplianceActionTable[];
  },
): Agreement[] {
  return agreements.map((a) => {
    const own = parts.commitments.filter((c) => c.agreement_id === a.id);
    return {
      id: a.id,
      projectId: a.project_id,
      number: a.number,
      signedDate: a.signed_date,
      zoneParty: a.zone_party,
      signingCompany: a.signing_company,
      signingFirmId: a.signing_firm_id,
      note: a.note,
      isSample: a.is_sample === 1,
      createdAt: a.created_at,
      commitments: own.filter((c) => c.superseded_by === null).map(presentCommitment),
      history: own.filter((c) => c.superseded_by !== null).map(presentCommitment),
      amendments: parts.amendments
        .filter((m) => m.agreement_id === a.id)
        .map((m) => ({ id: m.id, date: m.date, reason: m.reason, actorName: m.actor_name, at: m.at })),
      actions: parts.actions.filter((x) => x.agreement_id === a.id).map(presentAction),
    };
  });
}

/** Narrows stored enum text (written only through the contract's enums). */
export const asPeriod = (p: string) => p as ActualPeriod;
export const asSource = (s: string) => s as ActualSource;
