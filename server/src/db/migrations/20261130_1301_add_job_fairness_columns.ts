import { type AnyDb } from './helpers.js';

/**
 * Fair claiming (jobs/claim.ts): a job names the store it works for (`store_id`, null for
 * jobs of no store) so that workers take turns across stores, and a `priority` (0 a sync or a
 * user's action, 1 routine, 2 bulk write-backs) so that bulk work never delays the rest.
 * Existing rows are routine work of no known store.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('jobs').addColumn('store_id', 'bigint').execute();
  await db.schema
    .alterTable('jobs')
    .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
