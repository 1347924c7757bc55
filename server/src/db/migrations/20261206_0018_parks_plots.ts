import type { Kysely } from 'kysely';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

/**
 * Parks, plots and building units (issue 18). Outlines are GeoJSON text (both databases, no GIS
 * extension: a zone has thousands of plots, not millions); a plot's centre and bounding box are
 * kept beside it so the map and the matcher filter without parsing outlines. A project's park
 * becomes a reference (`project.park_id`); the free-text `project.park` stays as imported text.
 * A reservation (意向) holds `active_key` (plot:<id> or unit:<id>) while active, null once
 * released: a unique index on it lets only one active reservation per place, on both databases.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('park')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('operator', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('address', 'text')
    .addColumn('note', 'text')
    .addColumn('outline_json', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('park_chain')
    .addColumn('park_id', 'text', (c) => c.notNull().references('park.id').onDelete('cascade'))
    .addColumn('chain_id', 'text', (c) => c.notNull().references('chain.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('park_chain_pk', ['park_id', 'chain_id'])
    .execute();
  await db.schema.createIndex('park_chain_chain_idx').on('park_chain').column('chain_id').execute();
  await db.schema
    .createTable('plot')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('park_id', 'text', (c) => c.notNull().references('park.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('area_mu', 'double precision', (c) => c.notNull())
    .addColumn('land_use', 'text')
    .addColumn('plot_ratio', 'double precision')
    .addColumn('height_m', 'double precision')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('price', 'bigint')
    .addColumn('power_kva', 'bigint')
    .addColumn('min_investment_per_mu', 'bigint')
    .addColumn('min_tax_per_mu', 'bigint')
    .addColumn('max_energy_per_output', 'double precision')
    .addColumn('project_id', 'text', (c) => c.references('project.id'))
    .addColumn('geometry_json', 'text')
    .addColumn('centre_lng', 'double precision')
    .addColumn('centre_lat', 'double precision')
    .addColumn('attributes_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('note', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('plot_park_code_uq', ['park_id', 'code'])
    .execute();
  await db.schema.createIndex('plot_status_idx').on('plot').columns(['status', 'area_mu']).execute();
  await db.schema.createIndex('plot_project_idx').on('plot').column('project_id').execute();
  await db.schema
    .createTable('building')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('park_id', 'text', (c) => c.notNull().references('park.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('geometry_json', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('building_park_name_uq', ['park_id', 'name'])
    .execute();
  await db.schema
    .createTable('unit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('park_id', 'text', (c) => c.notNull().references('park.id'))
    .addColumn('building_id', 'text', (c) => c.notNull().references('building.id'))
    .addColumn('floor', 'integer', (c) => c.notNull())
    .addColumn('unit_no', 'text', (c) => c.notNull())
    .addColumn('area_m2', 'double precision', (c) => c.notNull())
    .addColumn('load_kn_m2', 'double precision')
    .addColumn('crane_t', 'double precision')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('firm_id', 'text', (c) => c.references('firm.id'))
    .addColumn('lease_start', 'text')
    .addColumn('lease_end', 'text')
    .addColumn('note', 'text')
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('unit_place_uq', ['building_id', 'floor', 'unit_no'])
    .execute();
  await db.schema.createIndex('unit_park_idx').on('unit').columns(['park_id', 'status']).execute();
  await db.schema.createIndex('unit_firm_idx').on('unit').column('firm_id').execute();
  await db.schema
    .createTable('site_reservation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('place_kind', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull())
    .addColumn('active_key', 'text', (c) => c.unique())
    .addColumn('lead_id', 'text', (c) => c.notNull().references('lead.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text')
    .execute();
  await db.schema
    .createIndex('site_reservation_place_idx')
    .on('site_reservation')
    .column('place_id')
    .execute();
  await db.schema.createIndex('site_reservation_lead_idx').on('site_reservation').column('lead_id').execute();
  await db.schema.alterTable('project').addColumn('park_id', 'text').execute();
  await db.schema.createIndex('project_park_idx').on('project').column('park_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('project_park_idx').execute();
  await db.schema.alterTable('project').dropColumn('park_id').execute();
  for (const t of ['site_reservation', 'unit', 'building', 'plot', 'park_chain', 'park']) {
    await db.schema.dropTable(t).execute();
  }
}
