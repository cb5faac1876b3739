import { type AnyDb, notNull } from './helpers.js';

/**
 * Live job workers: each beats every WORKER_HEARTBEAT_SECONDS. A running job whose worker has
 * not beaten for WORKER_DEAD_SECONDS (or whose worker row is gone) is taken over at once;
 * `/api/health` counts the live ones.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('workers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hostname', 'text', notNull)
    .addColumn('pid', 'integer', notNull)
    .addColumn('started_at', 'bigint', notNull)
    .addColumn('heartbeat_at', 'bigint', notNull)
    .execute();
}
