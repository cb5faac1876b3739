import type { AnyDb } from './helpers.js';

/** How many units of a line the packer has scanned at the station (scan-to-verify). */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('order_items')
    .addColumn('scanned_quantity', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
