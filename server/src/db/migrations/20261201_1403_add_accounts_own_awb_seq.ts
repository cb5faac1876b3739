import type { AnyDb } from './helpers.js';

/** The last AWB number the own courier gave out for the account (numbered per account). */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('accounts')
    .addColumn('own_awb_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
