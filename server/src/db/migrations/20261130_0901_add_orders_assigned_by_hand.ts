import type { AnyDb } from './helpers.js';

/**
 * 1 when a person (owner/manager) chose the order's current packer: background
 * redistribution (a shift ending, a rule changing) then leaves the order where it is.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('orders')
    .addColumn('assigned_by_hand', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
