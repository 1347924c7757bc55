import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Db } from './connect';
import * as m20261125_foundation from './migrations/20261125_0001_foundation';
import * as m20261125_pipeline from './migrations/20261125_0002_pipeline';
import * as m20261125_import from './migrations/20261125_0003_import';
import * as m20261125_chain from './migrations/20261125_0004_chain';
import * as m20261125_supervision from './migrations/20261125_0005_supervision';
import * as m20261125_intake from './migrations/20261125_0006_intake';
import * as m20261125_dispatch from './migrations/20261125_0007_dispatch';
import * as m20261125_scale from './migrations/20261125_0008_scale';
import * as m20261125_bulk_import from './migrations/20261125_0009_bulk_import';
import * as m20261125_round_fields from './migrations/20261125_0010_round_fields';
import * as m20261126_round_revisions from './migrations/20261126_0011_round_revisions';
import * as m20261126_job_owner from './migrations/20261126_0012_job_owner';
import * as m20261206_intake_safety from './migrations/20261206_0013_intake_safety';
import * as m20261206_closing_checks from './migrations/20261206_0014_closing_checks';
import * as m20261206_firm_alias from './migrations/20261206_0015_firm_alias';
import * as m20261206_agreements from './migrations/20261206_0016_agreements';
import * as m20261206_project_parties from './migrations/20261206_0017_project_parties';
import * as m20261206_parks_plots from './migrations/20261206_0018_parks_plots';
import * as m20261206_zone_rollups from './migrations/20261206_0019_zone_rollups';
import * as m20261206_park_rollups from './migrations/20261206_0020_park_rollups';
import * as m20261206_report_issue from './migrations/20261206_0021_report_issue';
import * as m20261206_plot_bbox from './migrations/20261206_0022_plot_bbox';
import * as m20261206_delivery_link from './migrations/20261206_0024_delivery_link';
import * as m20261206_followup_location from './migrations/20261206_0025_followup_location';
import * as m20261206_task_project from './migrations/20261206_0026_task_project';
import * as m20261206_department_heads from './migrations/20261206_0027_department_heads';
import * as m20261206_mu_staged_runs from './migrations/20261206_0028_mu_staged_runs';
import * as m20261206_project_investors_json from './migrations/20261206_0030_project_investors_json';
import * as m20261206_compliance_batches from './migrations/20261206_0033_compliance_batches';
import * as m20261206_deferred_rollups from './migrations/20261206_0036_deferred_rollups';
import * as m20261207_link_rollups from './migrations/20261207_0037_link_rollups';
import * as m20261207_link_stage_inv_idx from './migrations/20261207_0038_link_stage_inv_idx';
import * as m20261207_project_rollup_idx from './migrations/20261207_0039_project_rollup_idx';

/** Migrations are listed here (not loaded from a folder) so bundling and workers find them. */
const MIGRATIONS: Record<string, Migration> = {
  '20261125_0001_foundation': m20261125_foundation,
  '20261125_0002_pipeline': m20261125_pipeline,
  '20261125_0004_chain': m20261125_chain,
  '20261125_0003_import': m20261125_import,
  '20261125_0005_supervision': m20261125_supervision,
  '20261125_0006_intake': m20261125_intake,
  '20261125_0007_dispatch': m20261125_dispatch,
  '20261125_0008_scale': m20261125_scale,
  '20261125_0009_bulk_import': m20261125_bulk_import,
  '20261125_0010_round_fields': m20261125_round_fields,
  '20261126_0011_round_revisions': m20261126_round_revisions,
  '20261126_0012_job_owner': m20261126_job_owner,
  '20261206_0013_intake_safety': m20261206_intake_safety,
  '20261206_0014_closing_checks': m20261206_closing_checks,
  '20261206_0015_firm_alias': m20261206_firm_alias,
  '20261206_0024_delivery_link': m20261206_delivery_link,
  '20261206_0025_followup_location': m20261206_followup_location,
  '20261206_0018_parks_plots': m20261206_parks_plots,
  '20261206_0016_agreements': m20261206_agreements,
  '20261206_0017_project_parties': m20261206_project_parties,
  '20261206_0019_zone_rollups': m20261206_zone_rollups,
  '20261206_0021_report_issue': m20261206_report_issue,
  '20261206_0022_plot_bbox': m20261206_plot_bbox,
  '20261206_0020_park_rollups': m20261206_park_rollups,
  '20261206_0026_task_project': m20261206_task_project,
  '20261206_0027_department_heads': m20261206_department_heads,
  '20261206_0030_project_investors_json': m20261206_project_investors_json,
  '20261206_0028_mu_staged_runs': m20261206_mu_staged_runs,
  '20261206_0033_compliance_batches': m20261206_compliance_batches,
  '20261206_0036_deferred_rollups': m20261206_deferred_rollups,
  '20261207_0037_link_rollups': m20261207_link_rollups,
  '20261207_0038_link_stage_inv_idx': m20261207_link_stage_inv_idx,
  '20261207_0039_project_rollup_idx': m20261207_project_rollup_idx,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

export function migrator(db: Db): Migrator {
  // Numbers are handed out to parallel work, so a database may have run 0009 before 0008 arrives;
  // those migrations are independent, and refusing to migrate would strand dev and bench databases.
  return new Migrator({ db: db.kysely, provider: new StaticProvider(), allowUnorderedMigrations: true });
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
