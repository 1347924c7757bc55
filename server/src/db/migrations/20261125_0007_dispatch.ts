import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect-sql';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Dispatch and assessment (issue 6): dispatch rounds (调度) with the projects each asks, the
 * reports firms/officers file with their photos and reminders; annual targets (考核) per unit; the
 * zone's stage norms (how long a project may sit in a stage before it is a warning).
 */
export async function up(db: AnyDb): Promise<void> {
  const blob = dialectOf(db) === 'postgres' ? 'bytea' : 'blob';

  await db.schema
    .createTable('round')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    // week | month: natural periods in Asia/Shanghai (shared/src/dates.ts).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    // Local date: reports after the end of this day are late; the round is closed after it.
    .addColumn('deadline', 'text', (c) => c.notNull())
    // {"priorities": [...], "stages": [...]}: the rule the project set was taken by.
    .addColumn('selection_json', 'text', (c) => c.notNull())
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('round_period_idx').on('round').columns(['period_end', 'deadline']).execute();

  // The projects a round asks, frozen when it is set (who has not reported stays stable).
  await db.schema
    .createTable('round_project')
    .addColumn('round_id', 'text', (c) => c.notNull().references('round.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id'))
    .addPrimaryKeyConstraint('round_project_pk', ['round_id', 'project_id'])
    .execute();
  await db.schema.createIndex('round_project_project_idx').on('round_project').column('project_id').execute();

  await db.schema
    .createTable('round_report')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('round.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id'))
    .addColumn('firm_id', 'text', (c) => c.references('firm.id'))
    .addColumn('reporter_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_role', 'text', (c) => c.notNull())
    // Integer yuan. 固定资产投资 completed this period (入统), funds in place, exports this period.
    .addColumn('investment_period', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('funds_period', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('exports_period', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('investment_cumulative', 'bigint')
    .addColumn('funds_cumulative', 'bigint')
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('problems', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('round_report_uq')
    .on('round_report')
    .columns(['round_id', 'project_id'])
    .unique()
    .execute();
  await db.schema.createIndex('round_report_project_idx').on('round_report').column('project_id').execute();

  // Photos of a report: small images, bytes in the database (same rule as attachments, decision 004).
  await db.schema
    .createTable('round_photo')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('round_report.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content', blob, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('round_photo_report_idx').on('round_photo').column('report_id').execute();

  // A reminder sent for a missing report (also put in the inbox when there is a user to tell).
  await db.schema
    .createTable('round_reminder')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('round.id').onDelete('cascade'))
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id'))
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('round_reminder_round_idx').on('round_reminder').column('round_id').execute();

  await db.schema
    .createTable('target')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    // zone | park | team (an officer's projects) | chain
    .addColumn('unit_type', 'text', (c) => c.notNull())
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('target_uq')
    .on('target')
    .columns(['year', 'unit_type', 'unit_key', 'metric'])
    .unique()
    .execute();

  // The zone's norm per stage in days; stages without a row use STAGE_NORM_DEFAULTS (shared).
  await db.schema
    .createTable('stage_norm')
    .addColumn('stage', 'text', (c) => c.primaryKey())
    .addColumn('max_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of [
    'stage_norm',
    'target',
    'round_reminder',
    'round_photo',
    'round_report',
    'round_project',
    'round',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
