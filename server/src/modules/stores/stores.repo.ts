import { type Kysely, type Transaction, type Updateable, sql } from 'kysely';
import type { DB, StoresTable } from '../../db/schema.js';
import { rejectionColumns } from './credential-pause.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The key one store is known by, whatever way its address was typed:
 * "https://www.Magazin.ro/" and "http://magazin.ro" are the same store.
 */
export function storeUrlKey(url: string): string {
  try {
    const u = new URL(url.trim());
    const host = u.host.toLowerCase().replace(/^www\./, '');
    return `${host}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

export async function findStore(db: Db, id: number) {
  return db.selectFrom('stores').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findStoreInAccount(db: Db, accountId: number, id: number) {
  return db
    .selectFrom('stores')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findStoreByUrlKey(db: Db, urlKey: string) {
  return db
    .selectFrom('stores')
    .selectAll()
    .where('url_key', '=', urlKey)
    .orderBy('id')
    .executeTakeFirst();
}

export async function insertStore(
  db: Db,
  s: {
    accountId: number;
    name: string;
    url: string;
    connector: string;
    credentials: string;
    storeInfo: string;
    firstSyncDays: number | null;
    now: number;
  },
): Promise<number> {
  const row = await db
    .insertInto('stores')
    .values({
      account_id: s.accountId,
      name: s.name,
      platform: 'woocommerce',
      url: s.url,
      url_key: storeUrlKey(s.url),
      status: 'connected',
      connector: s.connector,
      credentials: s.credentials,
      store_info: s.storeInfo,
      cursor_modified_at: null,
      cursor_id: null,
      sync_from: null,
      first_synced_at: null,
      sync_started_at: null,
      last_sync_at: null,
      last_error_code: null,
      last_error: null,
      error_since: null,
      first_sync_days: s.firstSyncDays,
      created_at: s.now,
      updated_at: s.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateStore(
  db: Db,
  id: number,
  patch: Updateable<StoresTable>,
): Promise<void> {
  await db.updateTable('stores').set(patch).where('id', '=', id).execute();
}

/**
 * Credential refusals in a row that pause a store (STORE_PAUSE_AFTER_REJECTIONS); buildApp sets
 * it from the configuration. Kept here so that every caller of recordStoreError (sync,
 * write-back) applies the same rule without passing it along.
 */
let pauseAfterRejections = 3;
export function setPauseAfterRejections(n: number): void {
  pauseAfterRejections = n;
}

/**
 * A failure seen by sync or by a write-back: kept with the moment the trouble began. A
 * credential refusal (`credentials_rejected`) repeated STORE_PAUSE_AFTER_REJECTIONS times in a
 * row pauses the store (store-lifecycle.ts) instead of polling it forever.
 */
export async function recordStoreError(
  db: Db,
  id: number,
  code: string,
  message: string,
  now: number,
): Promise<void> {
  await db
    .updateTable('stores')
    .set((eb) => ({
      ...rejectionColumns(code, pauseAfterRejections, now),
      last_error_code: code,
      last_error: message.slice(0, 1000),
      error_since: eb.fn.coalesce('error_since', eb.val(now)),
      sync_started_at: null,
      updated_at: now,
    }))
    .where('id', '=', id)
    .execute();
}

/** The account's stores with what the dashboard shows of them; `onlyId` narrows it to one. */
export async function listStoresWithHealth(
  db: Db,
  accountId: number,
  liveSince: number,
  onlyId?: number,
) {
  return db
    .selectFrom('stores as s')
    .select((eb) => [
      's.id',
      's.name',
      's.platform',
      's.connector',
      's.url',
      's.status',
      's.store_info',
      's.cursor_modified_at',
      's.sync_from',
      's.first_synced_at',
      's.sync_started_at',
      's.sync_progress',
      's.last_sync_at',
      's.last_error_code',
      's.last_error',
      's.error_since',
      's.first_sync_days',
      's.poll_seconds',
      's.created_at',
      's.paused_at',
      's.paused_reason',
      's.removed_at',
      's.credential_rejections',
      // A sync marked running whose job no live worker holds has stalled (its worker died, or
      // none is running): the dashboard says so instead of "syncing 67%".
      sql<number>`CASE WHEN s.sync_started_at IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM jobs j JOIN workers w ON w.id = j.locked_by
        WHERE j.dedupe_key = ${'store.sync:'} || CAST(s.id AS TEXT) AND j.state = 'running'
          AND w.heartbeat_at >= ${liveSince}) THEN 1 ELSE 0 END`.as('sync_stalled'),
      eb
        .selectFrom('orders as o')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('o.store_id', '=', 's.id')
        .as('orders_count'),
    ])
    .where('s.account_id', '=', accountId)
    .$if(onlyId !== undefined, (qb) => qb.where('s.id', '=', onlyId ?? 0))
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
}

export async function setPollSeconds(
  db: Db,
  accountId: number,
  id: number,
  seconds: number,
  now: number,
): Promise<void> {
  await db
    .updateTable('stores')
    .set({ poll_seconds: seconds, updated_at: now })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

/**
 * Sets how far back the first sync goes, only while that sync has stored nothing and is not
 * running; its window (`sync_from`, fixed when a run begins) is cleared so the next run
 * computes it from the new value. One conditional statement, so a sync starting at the same
 * moment either sees the new value or makes this return false.
 */
export async function setFirstSyncDays(
  db: Db,
  accountId: number,
  id: number,
  days: number,
  now: number,
): Promise<boolean> {
  const r = await db
    .updateTable('stores')
    .set({ first_sync_days: days, sync_from: null, updated_at: now })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .where('first_synced_at', 'is', null)
    .where('cursor_modified_at', 'is', null)
    .where('sync_started_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
