import { type Kysely, type Transaction, sql } from 'kysely';
import type { DB } from '../../db/schema.js';
import { isPostgres } from '../../db/migrations/helpers.js';

/**
 * Adds newly inserted orders to SQLite's FTS5 search index, in the inserting transaction;
 * every insert into orders must call it (migration 0301 dropped the per-row insert trigger:
 * one statement per batch is much cheaper). Later changes of search_text and deletes are
 * still kept in step by triggers. Nothing to do on PostgreSQL (pg_trgm indexes the column).
 */
export async function indexForSearch(
  db: Kysely<DB> | Transaction<DB>,
  ids: readonly number[],
): Promise<void> {
  if (ids.length === 0 || isPostgres(db)) return;
  // The ids as one JSON parameter: no bound-parameter limit, one statement shape.
  await sql`INSERT INTO orders_fts(rowid, search_text)
    SELECT id, search_text FROM orders WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(
    db,
  );
}
