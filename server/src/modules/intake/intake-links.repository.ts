// Lookups for what an intake's rows alone do not say: the first import of an article pasted again
// (by normalised-text hash) and the names of firms a proposal refers to by id.

import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/database';

type Q = Kysely<Database> | Transaction<Database>;

/** The first import of an article (what an article imported again links to). */
export interface EarlierArticleRow {
  article_id: string;
  intake_id: string;
  title: string | null;
  created_at: string;
}

const earlierColumns = [
  'intake_article.id as article_id',
  'intake_article.intake_id as intake_id',
  'intake_article.title as title',
  'intake.created_at as created_at',
] as const;

/** For each hash, the first stored article with it (oldest intake first). */
export async function firstArticlesWithHashes(
  db: Q,
  hashes: readonly string[],
): Promise<Map<string, EarlierArticleRow>> {
  const out = new Map<string, EarlierArticleRow>();
  for (let i = 0; i < hashes.length; i += 200) {
    const rows = await db
      .selectFrom('intake_article')
      .innerJoin('intake', 'intake.id', 'intake_article.intake_id')
      .select([...earlierColumns, 'intake_article.text_hash as text_hash'])
      .where('intake_article.text_hash', 'in', hashes.slice(i, i + 200))
      .where('intake_article.duplicate_of', 'is', null)
      .orderBy('intake.created_at')
      .orderBy('intake_article.position')
      .execute();
    for (const { text_hash, ...r } of rows) if (text_hash && !out.has(text_hash)) out.set(text_hash, r);
  }
  return out;
}

/** The articles that the given ones duplicate, by id. */
export async function articlesByIds(db: Q, ids: readonly string[]): Promise<Map<string, EarlierArticleRow>> {
  const out = new Map<string, EarlierArticleRow>();
  for (let i = 0; i < ids.length; i += 200) {
    const rows = await db
      .selectFrom('intake_article')
      .innerJoin('intake', 'intake.id', 'intake_article.intake_id')
      .select(earlierColumns)
      .where('intake_article.id', 'in', ids.slice(i, i + 200))
      .execute();
    for (const r of rows) out.set(r.article_id, r);
  }
  return out;
}

/** Display names of firms by id (a proposal shows the firm's name, never its id). */
export async function firmNamesByIds(db: Q, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 200) {
    const rows = await db
      .selectFrom('firm')
      .select(['id', 'name'])
      .where('id', 'in', ids.slice(i, i + 200))
      .execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}
