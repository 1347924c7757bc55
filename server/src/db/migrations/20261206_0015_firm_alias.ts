import type { Kysely } from 'kysely';
import { firmAliasRows } from '../../modules/firm/firm-alias';

// Migrations take Kysely<any> by design: they must not depend on today's table types.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyDb = Kysely<any>;

const BACKFILL_PAGE = 1000;

/**
 * Firm aliases (issue 16): a firm's English name, and `firm_alias`, every other name a firm is
 * known by (简称 short name, 曾用名 former names, English name) normalised as firm names are, so the
 * duplicate check, imports and news intake find 乖宝宠物食品集团 when someone types 乖宝宠物. The
 * names themselves stay on the firm row (short_name, aliases_json, english_name); this table is
 * their index, rewritten with them, like name_norm is for the name.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('firm').addColumn('english_name', 'text').execute();
  await db.schema
    .createTable('firm_alias')
    .addColumn('firm_id', 'text', (c) => c.notNull().references('firm.id').onDelete('cascade'))
    .addColumn('name_norm', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // short | former | english
    .addColumn('kind', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('firm_alias_pk', ['firm_id', 'name_norm'])
    .execute();
  await db.schema.createIndex('firm_alias_norm_idx').on('firm_alias').column('name_norm').execute();
  let after = '';
  for (;;) {
    const firms = await db
      .selectFrom('firm')
      .select(['id', 'name', 'short_name', 'aliases_json', 'english_name'])
      .where('id', '>', after)
      .where((eb) => eb.or([eb('short_name', 'is not', null), eb('aliases_json', '<>', '[]')]))
      .orderBy('id')
      .limit(BACKFILL_PAGE)
      .execute();
    const rows = firms.flatMap(firmAliasRows);
    if (rows.length > 0) await db.insertInto('firm_alias').values(rows).execute();
    if (firms.length < BACKFILL_PAGE) return;
    after = firms[firms.length - 1]?.id ?? after;
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('firm_alias').execute();
  await db.schema.alterTable('firm').dropColumn('english_name').execute();
}
