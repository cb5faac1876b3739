import { type AnyDb } from './helpers.js';

/**
 * A job may name a key so that at most one queued job per key exists (one pending sync per
 * store, however often the poller or the Sync now button fires).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('dedupe_key', 'text').execute();
  await db.schema.createIndex('jobs_dedupe').on('jobs').columns(['dedupe_key', 'state']).execute();
  // The dashboard lists dead jobs per account.
  await db.schema
    .createIndex('jobs_account_state')
    .on('jobs')
    .columns(['account_id', 'state', 'id'])
    .execute();
}
