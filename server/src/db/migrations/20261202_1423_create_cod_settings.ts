import { type AnyDb, notNull } from './helpers.js';

/** Per account: after how many days an unpaid collected COD amount counts as overdue. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('cod_settings')
    .addColumn('account_id', 'bigint', (c) => c.primaryKey())
    .addColumn('overdue_days', 'integer', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
}
