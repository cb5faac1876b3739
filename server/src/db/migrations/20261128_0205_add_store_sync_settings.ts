import { type AnyDb } from './helpers.js';

/**
 * Per-store sync settings, chosen by the owner in the dashboard. Null means the configured
 * default (SYNC_FIRST_DAYS, SYNC_POLL_SECONDS), so changing the environment still moves every
 * store that was never set by hand. `sync_attempted_at` is when the store's last sync run
 * began, failed or not: the poller counts the interval from it, so a failing store is tried
 * once per interval rather than on every tick.
 */
export async function up(db: AnyDb): Promise<void> {
  for (const [name, type] of [
    ['first_sync_days', 'integer'],
    ['poll_seconds', 'integer'],
    ['sync_attempted_at', 'bigint'],
  ] as const) {
    await db.schema.alterTable('stores').addColumn(name, type).execute();
  }
}
