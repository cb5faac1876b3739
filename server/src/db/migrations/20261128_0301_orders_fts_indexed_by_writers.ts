import { sql } from 'kysely';
import { type AnyDb, isPostgres } from './helpers.js';

/**
 * SQLite: new orders enter the FTS index through indexForSearch (orders/search-index.ts),
 * one statement per batch, instead of the per-row insert trigger — the sync inserts 100
 * orders per page, and one statement for them is about 2.5 times cheaper than 100 trigger
 * runs (the trigger was most of the sync's cost, bench/sync.bench.ts). Every code path that
 * inserts into orders must call it in the same transaction; the update and delete triggers
 * stay. PostgreSQL's pg_trgm index needs nothing.
 */
export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) return;
  await sql`DROP TRIGGER IF EXISTS orders_fts_insert`.execute(db);
}
