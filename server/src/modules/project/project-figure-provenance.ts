import type { Kysely, Transaction } from 'kysely';
import {
  type FigureOrigin,
  type FigureSource,
  officerEntrySource,
  type SourcedProjectFigure,
} from '../../../../shared/src/figure-source';
import type { Database, ProjectTable } from '../../db/database';
import type { ServiceContext } from '../../plugins/context';
import { recordFigureSources, sourcedValuesOf } from './figure-source';
import { COLUMN_OF, type ProjectInput } from './project-input';

type Q = Kysely<Database> | Transaction<Database>;

/**
 * Where the figures a write sets come from (issue 14): the write path and, unless the path implies
 * it, the source. Without one, the write is an officer's entry on the project form.
 */
export interface FigureProvenanceInput {
  origin: FigureOrigin;
  source?: FigureSource | undefined;
}
export const OFFICER_ENTRY: FigureProvenanceInput = { origin: 'project_form' };

export function sourceOf(
  p: FigureProvenanceInput,
): FigureSource | ((f: SourcedProjectFigure) => FigureSource) {
  return p.source ?? officerEntrySource;
}

/** Records the provenance of the figures `input` changes on the project `before` (imports call it too). */
export async function recordChangedFigureSources(
  trx: Q,
  ctx: ServiceContext,
  before: Omit<ProjectTable, 'search_text'>,
  input: ProjectInput,
  provenance: FigureProvenanceInput,
): Promise<void> {
  await recordFigureSources(
    trx,
    ctx,
    before.id,
    changedFigures(before, input),
    sourceOf(provenance),
    provenance.origin,
  );
}

/** The sourced figures an input sets to a value other than the row's (unchanged ones keep their source). */
function changedFigures(before: Omit<ProjectTable, 'search_text'>, input: ProjectInput) {
  const values = sourcedValuesOf(input);
  const current = sourcedValuesOf(rowToInputFigures(before));
  return Object.fromEntries(
    Object.entries(values).filter(([k, v]) => v !== (current[k as SourcedProjectFigure] ?? null)),
  );
}

function rowToInputFigures(row: Omit<ProjectTable, 'search_text'>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(COLUMN_OF).map(([key, column]) => [
      key,
      (row as unknown as Record<string, unknown>)[column],
    ]),
  );
}
