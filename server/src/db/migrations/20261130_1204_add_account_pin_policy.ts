import { type AnyDb } from './helpers.js';

/**
 * The owner's PIN policy: 4-digit PINs only when `short_pins` is on, and then the packer
 * station only from `station_networks` (JSON list of addresses/CIDRs).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('accounts')
    .addColumn('short_pins', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('accounts')
    .addColumn('station_networks', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}
