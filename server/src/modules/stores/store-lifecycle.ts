import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { enqueue } from '../../jobs/jobs.repo.js';
import { type Actor, recordAudit } from '../audit/audit.repo.js';
import { Conflict, NotFound } from '../../shared/errors.js';
import { findStoreInAccount } from './stores.repo.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Pausing, resuming and removing a store (the owner's actions), and the rule that pauses a
 * store whose credentials stay rejected. The contract other modules rely on:
 *
 * - `stores.paused_at IS NOT NULL` means paused: the job queue hands out none of the store's
 *   jobs (jobs/claim.ts), so its syncs and write-backs wait, queued, until it is resumed or
 *   reconnected; nothing goes dead meanwhile. `isStorePaused` answers it for one store.
 * - `stores.removed_at IS NOT NULL` (status `removed`): removed with its orders kept; not polled,
 *   its credential wiped, its queued jobs gone.
 */
export const syncJobKey = (storeId: number) => `store.sync:${storeId}`;

export type PauseReason = 'owner' | 'credentials_rejected';

export async function isStorePaused(db: Db, storeId: number): Promise<boolean> {
  const r = await db
    .selectFrom('stores')
    .select('paused_at')
    .where('id', '=', storeId)
    .executeTakeFirst();
  return r?.paused_at !== null && r?.paused_at !== undefined;
}

async function liveStore(db: Db, accountId: number, storeId: number) {
  const store = await findStoreInAccount(db, accountId, storeId);
  if (!store) throw new NotFound('store_not_found', `Store ${storeId} not found.`);
  if (store.removed_at !== null)
    throw new Conflict('store_removed', `Store ${storeId} was removed; connect it again first.`);
  return store;
}

/** The owner pauses the store: no polling, its jobs wait. Pausing a paused store changes nothing. */
export async function pauseStore(
  db: Kysely<DB>,
  accountId: number,
  storeId: number,
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const store = await liveStore(trx, accountId, storeId);
    if (store.paused_at !== null) return;
    const now = Date.now();
    await trx
      .updateTable('stores')
      .set({ paused_at: now, paused_reason: 'owner', updated_at: now })
      .where('id', '=', storeId)
      .execute();
    await recordAudit(trx, {
      accountId,
      entity: 'store',
      entityId: storeId,
      action: 'store_paused',
      actor,
      to: 'owner',
      at: now,
    });
  });
}

/**
 * Resumed (by hand, or by a reconnect through the plugin): polled again, its waiting jobs run,
 * and a sync is due at once. The rejection count starts afresh.
 */
export async function resumeStore(
  db: Kysely<DB>,
  accountId: number,
  storeId: number,
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const store = await liveStore(trx, accountId, storeId);
    if (store.paused_at === null) return;
    const now = Date.now();
    await unpause(trx, storeId, now);
    await enqueue(trx, {
      kind: 'store.sync',
      payload: { store_id: storeId },
      accountId,
      dedupeKey: syncJobKey(storeId),
      maxAttempts: 3,
    });
    await recordAudit(trx, {
      accountId,
      entity: 'store',
      entityId: storeId,
      action: 'store_resumed',
      actor,
      from: store.paused_reason,
      at: now,
    });
  });
}

export async function unpause(db: Db, storeId: number, now: number): Promise<void> {
  await db
    .updateTable('stores')
    .set({ paused_at: null, paused_reason: null, credential_rejections: 0, updated_at: now })
    .where('id', '=', storeId)
    .execute();
}

/**
 * The store's queued and finished jobs go. Running ones finish on their own (a sync of a
 * removed store stops at its next page; a write-back finds no credential).
 */
async function dropJobs(trx: Transaction<DB>, storeId: number): Promise<void> {
  await trx
    .deleteFrom('jobs')
    .where((eb) =>
      eb.or([
        eb('store_id', '=', storeId),
        eb('dedupe_key', 'in', [syncJobKey(storeId), `store.reconcile:${storeId}`]),
      ]),
    )
    .where('state', '!=', 'running')
    .execute();
  await trx.deleteFrom('job_turns').where('store_id', '=', storeId).execute();
}

/**
 * Removes the store. `keepOrders`: the store is marked removed (not polled, credential wiped)
 * and its orders stay readable. Otherwise everything of the store in the account goes, in one
 * transaction: its orders (their items, addresses, assignments, queue entries and scans go by
 * cascade; SQLite's search index by its delete trigger), their audit trail, the store's
 * distribution settings and state, its jobs, and the store itself. Returns the orders deleted.
 */
export async function removeStore(
  db: Kysely<DB>,
  accountId: number,
  storeId: number,
  keepOrders: boolean,
  actor: Actor,
): Promise<{ ordersDeleted: number }> {
  return db.transaction().execute(async (trx) => {
    const store = await findStoreInAccount(trx, accountId, storeId);
    if (!store) throw new NotFound('store_not_found', `Store ${storeId} not found.`);
    const now = Date.now();
    await dropJobs(trx, storeId);
    if (keepOrders) {
      await trx
        .updateTable('stores')
        .set({
          status: 'removed',
          removed_at: store.removed_at ?? now,
          credentials: null,
          paused_at: null,
          paused_reason: null,
          sync_started_at: null,
          updated_at: now,
        })
        .where('id', '=', storeId)
        .execute();
      await recordAudit(trx, {
        accountId,
        entity: 'store',
        entityId: storeId,
        action: 'store_removed',
        actor,
        to: 'orders_kept',
        at: now,
      });
      return { ordersDeleted: 0 };
    }
    const ofStore = trx
      .selectFrom('orders')
      .select('id')
      .where('account_id', '=', accountId)
      .where('store_id', '=', storeId);
    await trx
      .deleteFrom('audit_events')
      .where('account_id', '=', accountId)
      .where((eb) =>
        eb.or([
          eb.and([eb('entity', '=', 'order'), eb('entity_id', 'in', ofStore)]),
          eb.and([eb('entity', '=', 'store'), eb('entity_id', '=', storeId)]),
        ]),
      )
      .execute();
    const deleted = await trx
      .deleteFrom('orders')
      .where('account_id', '=', accountId)
      .where('store_id', '=', storeId)
      .executeTakeFirst();
    for (const table of ['distribution_settings', 'distribution_state'] as const)
      await trx
        .deleteFrom(table)
        .where('account_id', '=', accountId)
        .where('store_key', '=', storeId)
        .execute();
    await trx
      .deleteFrom('stores')
      .where('account_id', '=', accountId)
      .where('id', '=', storeId)
      .execute();
    const ordersDeleted = Number(deleted.numDeletedRows);
    // The account's trail keeps that the store was removed, by whom, and how many orders went.
    await recordAudit(trx, {
      accountId,
      entity: 'store',
      entityId: storeId,
      action: 'store_removed',
      actor,
      from: store.name,
      to: `orders_deleted:${ordersDeleted}`,
      at: now,
    });
    return { ordersDeleted };
  });
}
