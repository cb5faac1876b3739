import type { AnyDb } from './helpers.js';

/**
 * The last phone (manual) order number an account gave out: phone orders are numbered
 * M1, M2, … per account, not by a database id shared by every account ("#M461").
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('accounts')
    .addColumn('phone_order_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
