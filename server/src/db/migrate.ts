import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Db } from './connect';
import * as m20261125_foundation from './migrations/20261125_0001_foundation';
import * as m20261125_pipeline from './migrations/20261125_0002_pipeline';

/** Migrations are listed here (not loaded from a folder) so bundling and workers find them. */
const MIGRATIONS: Record<string, Migration> = {
  '20261125_0001_foundation': m20261125_foundation,
  '20261125_0002_pipeline': m20261125_pipeline,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

export function migrator(db: Db): Migrator {
  return new Migrator({ db: db.kysely, provider: new StaticProvider() });
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
