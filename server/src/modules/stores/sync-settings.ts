import type { Selectable, Transaction } from 'kysely';
import type { DB, StoresTable } from '../../db/schema.js';
import { Conflict } from '../../shared/errors.js';
import { type Actor, recordAudit } from '../audit/audit.repo.js';
import * as repo from './stores.repo.js';

/** The configured values (SYNC_FIRST_DAYS, SYNC_POLL_SECONDS) of a store without its own. */
export interface SyncDefaults {
  firstSyncDays: number;
  pollSeconds: number;
}

export interface SyncSettingsInput {
  first_sync_days?: number;
  poll_seconds?: number;
}

type StoreState = Pick<
  Selectable<StoresTable>,
  'id' | 'account_id' | 'first_sync_days' | 'poll_seconds' | 'first_synced_at'
>;

/** The store's effective settings: its own, else the defaults. */
export function effectiveSettings(
  store: Pick<StoreState, 'first_sync_days' | 'poll_seconds'>,
  d: SyncDefaults,
) {
  return {
    first_sync_days: store.first_sync_days ?? d.firstSyncDays,
    poll_seconds: store.poll_seconds ?? d.pollSeconds,
  };
}

/**
 * Changes a store's sync settings in the caller's transaction, with an audit event. A value
 * equal to the effective one changes nothing, so a store that never chose its own keeps
 * following the configured default. The poll interval can change at any time. How far back
 * the first sync goes is read once, when that sync begins (it fixes `sync_from`); after that
 * a new value would be silently ignored, so it is refused with 409 instead: `first_sync_done`
 * once the first sync is complete, `first_sync_started` while it runs or after it has stored
 * orders. Until then (not begun yet, or failed before storing anything) it can change.
 */
export async function applySyncSettings(
  trx: Transaction<DB>,
  store: StoreState,
  input: SyncSettingsInput,
  defaults: SyncDefaults,
  actor: Actor,
  now: number,
): Promise<void> {
  const current = effectiveSettings(store, defaults);
  const changed: { key: keyof SyncSettingsInput; from: number; to: number }[] = [];
  const days = input.first_sync_days;
  if (days !== undefined && days !== current.first_sync_days) {
    if (!(await repo.setFirstSyncDays(trx, store.account_id, store.id, days, now)))
      throw store.first_synced_at !== null
        ? new Conflict(
            'first_sync_done',
            'The first sync is over: how far back it went can no longer change.',
          )
        : new Conflict(
            'first_sync_started',
            'The first sync has already begun: how far back it goes can no longer change.',
          );
    changed.push({ key: 'first_sync_days', from: current.first_sync_days, to: days });
  }
  const poll = input.poll_seconds;
  if (poll !== undefined && poll !== current.poll_seconds) {
    await repo.setPollSeconds(trx, store.account_id, store.id, poll, now);
    changed.push({ key: 'poll_seconds', from: current.poll_seconds, to: poll });
  }
  if (!changed.length) return;
  await recordAudit(trx, {
    accountId: store.account_id,
    entity: 'store',
    entityId: store.id,
    action: 'sync_settings_changed',
    actor,
    from: changed.map((c) => `${c.key}=${c.from}`).join(', '),
    to: changed.map((c) => `${c.key}=${c.to}`).join(', '),
    at: now,
  });
}
