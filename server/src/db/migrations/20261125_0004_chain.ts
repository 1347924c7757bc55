import type { Kysely } from 'kysely';
import { createSortIndex } from '../dialect-sql';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Industrial chains (issue 4, 全产业链招商): a chain is a tree of links (环节); each chain has its
 * official (链长), chain-leader firms (链主), carrier parks and annual targets. Firms, leads and
 * projects point at a link by `link_id` (the free-text `chain_link` stays for imported text).
 * Target ranking weights live in one settings row per zone.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('chain')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    // 链长: the official in charge, free text (a leader may have no account).
    .addColumn('official_name', 'text')
    .addColumn('official_title', 'text')
    .addColumn('description', 'text')
    .addColumn('goal', 'text')
    // zone: the zone's own chain; county: a county's cluster (阳谷县); city: one of the city's key chains.
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('zone'))
    .addColumn('region', 'text')
    .addColumn('is_city_key', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('chain_name_uq').on('chain').column('name').unique().execute();

  await db.schema
    .createTable('chain_link')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('chain_id', 'text', (c) => c.notNull().references('chain.id').onDelete('cascade'))
    // A tree: deleting a link deletes its subtree (the service asks for confirmation first).
    .addColumn('parent_id', 'text', (c) => c.references('chain_link.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // up / mid / down: 上游 / 中游 / 下游 (children inherit their root's position).
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('description', 'text')
    .addColumn('industry_codes_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('keywords_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('priority', 'text', (c) => c.notNull().defaultTo('medium'))
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('chain_link_chain_idx')
    .on('chain_link')
    .columns(['chain_id', 'parent_id', 'sort_order'])
    .execute();
  await db.schema.createIndex('chain_link_parent_idx').on('chain_link').column('parent_id').execute();

  await db.schema
    .createTable('chain_leader')
    .addColumn('chain_id', 'text', (c) => c.notNull().references('chain.id').onDelete('cascade'))
    .addColumn('firm_id', 'text', (c) => c.notNull().references('firm.id').onDelete('cascade'))
    .addColumn('link_id', 'text', (c) => c.references('chain_link.id').onDelete('set null'))
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('chain_leader_pk', ['chain_id', 'firm_id'])
    .execute();
  await db.schema.createIndex('chain_leader_firm_idx').on('chain_leader').column('firm_id').execute();

  await db.schema
    .createTable('chain_park')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('chain_id', 'text', (c) => c.notNull().references('chain.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('chain_park_chain_idx').on('chain_park').column('chain_id').execute();

  await db.schema
    .createTable('chain_target')
    .addColumn('chain_id', 'text', (c) => c.notNull().references('chain.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('projects_target', 'integer')
    .addColumn('investment_target', 'bigint')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('chain_target_pk', ['chain_id', 'year'])
    .execute();

  // Target ranking weights, one row per zone (a JSON object of weights; defaults in code).
  await db.schema
    .createTable('chain_setting')
    .addColumn('zone_id', 'text', (c) => c.primaryKey())
    .addColumn('weights_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Attach firms, leads and projects to a link. No FK: SQLite cannot add one to an existing table;
  // the chain service checks the link exists and clears these when it deletes a link.
  for (const t of ['firm', 'lead', 'project'] as const) {
    await db.schema.alterTable(t).addColumn('link_id', 'text').execute();
  }
  // Where a lead came from when a system function made it (a ranked chain target): JSON, or null.
  await db.schema.alterTable('lead').addColumn('origin_json', 'text').execute();

  // Map counts per link (local firms; projects with their investment).
  await db.schema.createIndex('firm_link_idx').on('firm').columns(['link_id', 'is_local']).execute();
  await db.schema
    .createIndex('project_link_idx')
    .on('project')
    .columns(['link_id', 'stage', 'total_investment', 'created_at'])
    .execute();
  await db.schema.createIndex('lead_link_idx').on('lead').columns(['link_id', 'status']).execute();
  // Target prefilter: external firms of one industry code, biggest first, read in index order.
  await createSortIndex(
    db,
    'firm_industry_capital_idx',
    'firm',
    ['industry_code', 'is_local'],
    'registered_capital',
  );
}

export async function down(db: AnyDb): Promise<void> {
  for (const idx of ['firm_industry_capital_idx', 'lead_link_idx', 'project_link_idx', 'firm_link_idx']) {
    await db.schema.dropIndex(idx).ifExists().execute();
  }
  await db.schema.alterTable('lead').dropColumn('origin_json').execute();
  for (const t of ['project', 'lead', 'firm'] as const) {
    await db.schema.alterTable(t).dropColumn('link_id').execute();
  }
  for (const t of ['chain_setting', 'chain_target', 'chain_park', 'chain_leader', 'chain_link', 'chain']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
