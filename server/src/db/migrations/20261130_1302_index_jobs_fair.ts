import { type AnyDb } from './helpers.js';

/**
 * The claim looks, per store, for its best due job (priority, then due time, then id): one
 * index probe per store, however many jobs one store has queued.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('jobs_fair')
    .on('jobs')
    .columns(['state', 'store_id', 'priority', 'run_at', 'id'])
    .execute();
}
