import { type AnyDb, notNull } from './helpers.js';

/**
 * An account's shipping settings as one JSON document (validated by the zod schema in
 * `modules/shipping/shipping-settings.ts` on the way in and out): addresses, defaults, rules.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('shipping_settings')
    .addColumn('account_id', 'bigint', (c) => c.primaryKey())
    .addColumn('settings', 'text', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
}
