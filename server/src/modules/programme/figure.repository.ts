import type { Kysely, Transaction } from 'kysely';
import type { Figure } from '../../../../shared/src/contract/programme';
import type { Database, FigureTable } from '../../db/database';
import { newId } from '../../lib/ids';

type Q = Kysely<Database> | Transaction<Database>;

/** Figures of a programme or a campaign (shared/src/contract/programme.ts). */
export function presentFigure(f: FigureTable): Figure {
  return {
    id: f.id,
    key: f.key,
    label: f.label,
    value: Number(f.value),
    unit: f.unit,
    period: f.period,
    note: f.note,
    isSample: f.is_sample === 1,
    updatedAt: f.updated_at,
  };
}

export async function listFigures(db: Q, ownerKind: 'task' | 'campaign', ownerIds: string[]) {
  if (ownerIds.length === 0) return [];
  return db
    .selectFrom('figure')
    .selectAll()
    .where('owner_kind', '=', ownerKind)
    .where('owner_id', 'in', ownerIds)
    .orderBy('position')
    .orderBy('period')
    .execute();
}

export interface FigureInput {
  key: string;
  label: string;
  value: number;
  unit?: string | null | undefined;
  period?: string | undefined;
  note?: string | null | undefined;
}

/** Sets figures by (key, period): updates those that exist, adds the others. */
export async function upsertFigures(
  db: Q,
  ownerKind: 'task' | 'campaign',
  ownerId: string,
  figures: FigureInput[],
  nowIso: string,
  isSample = 0,
): Promise<void> {
  const existing = await listFigures(db, ownerKind, [ownerId]);
  let position = existing.reduce((m, f) => Math.max(m, f.position), 0);
  for (const f of figures) {
    const period = f.period ?? '';
    const found = existing.find((e) => e.key === f.key && e.period === period);
    if (found) {
      await db
        .updateTable('figure')
        .set({
          label: f.label,
          value: f.value,
          unit: f.unit ?? null,
          note: f.note ?? null,
          updated_at: nowIso,
        })
        .where('id', '=', found.id)
        .execute();
    } else {
      position += 1;
      await db
        .insertInto('figure')
        .values({
          id: newId(),
          owner_kind: ownerKind,
          owner_id: ownerId,
          key: f.key,
          label: f.label,
          value: f.value,
          unit: f.unit ?? null,
          period,
          note: f.note ?? null,
          position,
          is_sample: isSample,
          created_at: nowIso,
          updated_at: nowIso,
        })
        .execute();
    }
  }
}
