import { type AnyDb, notNull } from './helpers.js';

/**
 * The turn at which a worker last took a job of each store (store 0: jobs of no store), a
 * counter rather than a time so that two claims in one millisecond still order: the claim
 * gives the next job to the store that waited longest, so stores take turns (round-robin).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('job_turns')
    .addColumn('store_id', 'bigint', (c) => c.primaryKey())
    .addColumn('turn', 'bigint', notNull)
    .execute();
}
