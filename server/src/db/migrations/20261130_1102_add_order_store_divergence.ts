import { type AnyDb } from './helpers.js';

/**
 * What the store holds when it disagrees with ecomdir about an order's packer (JSON:
 * {packer_id, packer_name, confirmed}), and since when; null when they agree. Set by the
 * sync from the feed's packer meta, cleared when they agree again.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('orders').addColumn('store_divergence', 'text').execute();
  await db.schema.alterTable('orders').addColumn('store_divergence_at', 'bigint').execute();
}
