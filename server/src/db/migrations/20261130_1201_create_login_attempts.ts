import { type AnyDb, notNull } from './helpers.js';

/**
 * Attempt counters shared by every server process (login, PIN, connect): one row per key,
 * incremented by one atomic upsert BEFORE a password is checked, so N concurrent tries
 * cost N. `window_start` begins the key's fixed window; a stale row restarts at 1.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('login_attempts')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', notNull)
    .addColumn('window_start', 'bigint', notNull)
    .execute();
}
