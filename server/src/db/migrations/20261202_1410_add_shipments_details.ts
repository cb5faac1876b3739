import type { AnyDb } from './helpers.js';

/**
 * What a shipment asks of the courier beyond the columns (box size, Saturday delivery, open
 * package, the locker, the recipient's place matched to the courier's nomenclature, content),
 * as JSON: written once at reservation, read back when the courier is called, so a retry sends
 * exactly what the first attempt sent.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('shipments')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}
