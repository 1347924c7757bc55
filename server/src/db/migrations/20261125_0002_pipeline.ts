import type { Kysely } from 'kysely';
import {
  addUserFirmForeignKey,
  createSearchIndex,
  createSortIndex,
  dropSearchIndex,
  dropUserFirmForeignKey,
} from '../dialect-sql';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * The investment pipeline (issue 3): firms and their relations (以商招商 graph), leads and their
 * follow-ups, projects with investors, stage events and milestones.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('firm')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // Name without legal-form suffixes, spaces and bracket variants: what duplicate checks compare.
    .addColumn('name_norm', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('aliases_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('uscc', 'text')
    .addColumn('region', 'text')
    .addColumn('industry_code', 'text')
    .addColumn('registered_capital', 'bigint')
    .addColumn('size_class', 'text')
    .addColumn('listed_exchange', 'text')
    .addColumn('listed_code', 'text')
    .addColumn('parent_group', 'text')
    .addColumn('is_local', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('business_scope', 'text')
    .addColumn('chain_link', 'text')
    .addColumn('contacts_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('tags_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('note', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // NULLs are distinct in a unique index on both databases: firms without a USCC are allowed.
  await db.schema.createIndex('firm_uscc_uq').on('firm').column('uscc').unique().execute();
  await db.schema.createIndex('firm_name_norm_idx').on('firm').column('name_norm').execute();
  await db.schema.createIndex('firm_updated_idx').on('firm').columns(['updated_at', 'id']).execute();
  await createSortIndex(db, 'firm_capital_idx', 'firm', [], 'registered_capital');

  await db.schema
    .createTable('firm_relation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('from_firm_id', 'text', (c) => c.notNull().references('firm.id').onDelete('cascade'))
    .addColumn('to_firm_id', 'text', (c) => c.notNull().references('firm.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('firm_relation_uq')
    .on('firm_relation')
    .columns(['from_firm_id', 'to_firm_id', 'kind'])
    .unique()
    .execute();
  await db.schema.createIndex('firm_relation_to_idx').on('firm_relation').column('to_firm_id').execute();

  await db.schema
    .createTable('project')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('park', 'text')
    .addColumn('land_mu', 'double precision')
    .addColumn('total_investment', 'bigint')
    .addColumn('fixed_asset_investment', 'bigint')
    .addColumn('funds_in_place', 'bigint')
    .addColumn('capacity_quantity', 'double precision')
    .addColumn('capacity_unit', 'text')
    .addColumn('capacity_product', 'text')
    .addColumn('expected_output', 'bigint')
    .addColumn('expected_tax', 'bigint')
    .addColumn('expected_jobs', 'integer')
    .addColumn('expected_exports', 'bigint')
    .addColumn('priority', 'text')
    .addColumn('officer_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('leader_name', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('chain_link', 'text')
    // The lead this project was signed from; the lead points back with lead.project_id.
    .addColumn('lead_id', 'text')
    .addColumn('start_date', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('stage_date', 'text')
    .addColumn('paused_from_stage', 'text')
    .addColumn('stage_reason', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The list people run: filter by one of stage / chain / park / priority / officer, biggest
  // investment first, page of 50. Each filter gets an index that ends in the sort key (and id, the
  // tie-breaker), so the page is read in order without sorting the whole match.
  await createSortIndex(db, 'project_inv_idx', 'project', [], 'total_investment');
  await createSortIndex(db, 'project_stage_inv_idx', 'project', ['stage'], 'total_investment');
  await createSortIndex(
    db,
    'project_chain_stage_inv_idx',
    'project',
    ['chain_link', 'stage'],
    'total_investment',
  );
  await createSortIndex(db, 'project_park_inv_idx', 'project', ['park'], 'total_investment');
  await createSortIndex(db, 'project_priority_inv_idx', 'project', ['priority'], 'total_investment');
  await createSortIndex(db, 'project_officer_inv_idx', 'project', ['officer_id'], 'total_investment');
  await db.schema.createIndex('project_updated_idx').on('project').columns(['updated_at', 'id']).execute();

  await db.schema
    .createTable('project_investor')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('firm_id', 'text', (c) => c.notNull().references('firm.id'))
    .addColumn('share_pct', 'double precision')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('project_investor_pk', ['project_id', 'firm_id'])
    .execute();
  // Enterprise scope and "projects of this firm": from firm to its projects.
  await db.schema
    .createIndex('project_investor_firm_idx')
    .on('project_investor')
    .columns(['firm_id', 'project_id'])
    .execute();

  await db.schema
    .createTable('project_stage_event')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('skipped_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('project_stage_event_project_idx')
    .on('project_stage_event')
    .columns(['project_id', 'at'])
    .execute();

  await db.schema
    .createTable('milestone')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('project.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // Null: expected but not scheduled yet (e.g. 投产 "after the equipment is in").
    .addColumn('planned_date', 'text')
    .addColumn('actual_date', 'text')
    .addColumn('owner_name', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Lateness per project (open milestones by planned date) and the zone-wide "late" filter.
  await db.schema
    .createIndex('milestone_project_idx')
    .on('milestone')
    .columns(['project_id', 'actual_date', 'planned_date'])
    .execute();
  await db.schema
    .createIndex('milestone_open_idx')
    .on('milestone')
    .columns(['actual_date', 'planned_date', 'project_id'])
    .execute();

  await db.schema
    .createTable('lead')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('target_firm_id', 'text', (c) => c.references('firm.id'))
    // Free-text target when the firm is not in the firm register yet.
    .addColumn('target_name', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('referrer_firm_id', 'text', (c) => c.references('firm.id'))
    .addColumn('chain_link', 'text')
    .addColumn('estimated_investment', 'bigint')
    .addColumn('owner_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('next_step', 'text')
    .addColumn('next_step_date', 'text')
    .addColumn('project_id', 'text', (c) => c.references('project.id'))
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // "My leads" sorted by next-step date (overdue first).
  await db.schema
    .createIndex('lead_owner_next_idx')
    .on('lead')
    .columns(['owner_id', 'next_step_date', 'id'])
    .execute();
  await db.schema
    .createIndex('lead_status_next_idx')
    .on('lead')
    .columns(['status', 'next_step_date'])
    .execute();
  await db.schema.createIndex('lead_target_idx').on('lead').column('target_firm_id').execute();
  await db.schema.createIndex('lead_referrer_idx').on('lead').column('referrer_firm_id').execute();
  await createSortIndex(db, 'lead_investment_idx', 'lead', [], 'estimated_investment');

  await db.schema
    .createTable('lead_followup')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lead_id', 'text', (c) => c.notNull().references('lead.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('people', 'text')
    .addColumn('notes', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('lead_followup_lead_idx')
    .on('lead_followup')
    .columns(['lead_id', 'date'])
    .execute();

  for (const t of ['firm', 'lead', 'project'] as const) await createSearchIndex(db, t);
  await addUserFirmForeignKey(db);
}

export async function down(db: AnyDb): Promise<void> {
  await dropUserFirmForeignKey(db);
  for (const t of ['firm', 'lead', 'project'] as const) await dropSearchIndex(db, t);
  for (const t of [
    'lead_followup',
    'lead',
    'milestone',
    'project_stage_event',
    'project_investor',
    'project',
    'firm_relation',
    'firm',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
