import { type AnyDb } from './helpers.js';

/**
 * A paused store is not polled and its jobs wait (the claim skips them) until it is resumed or
 * reconnected. `paused_reason`: `owner` (by hand) or `credentials_rejected` (automatic, after
 * `credential_rejections` refusals in a row reached STORE_PAUSE_AFTER_REJECTIONS).
 */
export async function up(db: AnyDb): Promise<void> {
  for (const [name, type] of [
    ['paused_at', 'bigint'],
    ['paused_reason', 'text'],
  ] as const) {
    await db.schema.alterTable('stores').addColumn(name, type).execute();
  }
  await db.schema
    .alterTable('stores')
    .addColumn('credential_rejections', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
