import { type AnyDb, notNull } from './helpers.js';

/**
 * An account's penalty rules and who may apply, as one JSON document validated by the zod
 * schema in `modules/penalties/penalty-settings.ts`; no row means the defaults.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('penalty_settings')
    .addColumn('account_id', 'bigint', (c) => c.primaryKey())
    .addColumn('settings', 'text', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
}
