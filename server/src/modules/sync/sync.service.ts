import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { OrdersCursor, StoreMessage } from '../connectors/connector.js';
import type { StoreConnections } from '../stores/store-connections.js';
import { enqueue } from '../../jobs/jobs.repo.js';
import { findStore, recordStoreError, updateStore } from '../stores/stores.repo.js';
import type { SyncDefaults } from '../stores/sync-settings.js';
import { type RowWriter, rowWriterFor } from './row-writer.js';
import { reconcileOpenOrders } from './reconcile.js';
import { beginSyncRun, storesToPoll } from './store-sync.repo.js';
import { type NewOrderWritten, type StatusMove, upsertOrdersPage } from './sync.repo.js';
import { type Batch, PageFeed } from './page-feed.js';
import type { UnifiedOrder } from '../connectors/unified-order.js';
import { checkDivergence } from './divergence.js';
import { type Refused, hasQuarantined, quarantine, release } from './quarantine.js';

const RECONCILE_EVERY_MS = 3_600_000;

/**
 * Pages fetched ahead of the writer, and the most orders one transaction stores: a batch of
 * 5 pages commits once instead of 5 times (measured by bench/sync.bench.ts) and still holds
 * SQLite's single writer for only tens of milliseconds.
 */
const PAGES_AHEAD = 5;
const ORDERS_PER_TRANSACTION = 500;
const GATHER_MS = 50;

/**
 * How often the poller looks for stores that are due. Each store has its own interval (at
 * least 30 s; SYNC_POLL_SECONDS at least 5 s), so a store's sync starts at most this late.
 */
export const POLL_TICK_SECONDS = 5;

/**
 * Called in the transaction that stored newly synced orders (status new), with the orders as
 * written: the distribution hook.
 */
export type NewOrdersHook = (
  trx: Transaction<DB>,
  accountId: number,
  orders: NewOrderWritten[],
) => Promise<void>;

/** What a store's change did to orders already known (see the lifecycle table). */
export interface StoreChanges {
  moved: StatusMove[];
  maybeDistributable: number[];
}

/**
 * Called in the transaction that applied the store's changes to known orders (sync,
 * reconciliation, a write-back that found the order deleted): orders that left a queue are
 * announced, orders that became distributable are distributed.
 */
export type ChangedOrdersHook = (
  trx: Transaction<DB>,
  accountId: number,
  changes: StoreChanges,
) => Promise<void>;

/** The defaults are those of stores without their own settings. */
export interface SyncOptions extends SyncDefaults {
  pageSize: number;
}

export interface SyncRun {
  ok: boolean;
  pages: number;
  created: number;
  updated: number;
  /** Orders that could not be stored (quarantined with the reason). */
  quarantined: number;
  /** The store has quarantined orders: those stored now leave the quarantine. */
  releaseQuarantine?: boolean;
  error?: StoreMessage;
}

/**
 * Cursor sync of one store: pages of orders after the stored (modification time, id)
 * cursor, each batch of pages stored and the cursor moved in ONE transaction — a crash
 * between batches loses nothing and repeats nothing (the upsert is idempotent anyway). The first sync starts
 * the store's first-sync days back (default `firstSyncDays`). Failures are recorded on the store (its health) and end the run; the
 * next poll tries again from the cursor.
 */
export class SyncService {
  private onNewOrders: NewOrdersHook | null = null;
  private onChanged: ChangedOrdersHook | null = null;
  private readonly writer: RowWriter;

  constructor(
    private readonly database: Database,
    private readonly connections: StoreConnections,
    private readonly opts: SyncOptions,
  ) {
    this.writer = rowWriterFor(database);
  }

  /** Wired by buildApp when the distribution engine is present. */
  setNewOrdersHook(hook: NewOrdersHook): void {
    this.onNewOrders = hook;
  }

  /**
   * The poller's tick: a sync for each store that is due (its own interval since its last
   * attempt, none pending), and at most one reconciliation per store queued an hour ahead.
   * One query; when nothing is due it writes nothing (a write would drop the orders-list
   * cache of SQLite).
   */
  async enqueueSyncs(now = Date.now()): Promise<void> {
    const db = this.database.db;
    for (const s of await storesToPoll(db, now, this.opts.pollSeconds)) {
      if (s.sync_due)
        await enqueue(db, {
          kind: 'store.sync',
          payload: { store_id: s.id },
          accountId: s.account_id,
          dedupeKey: `store.sync:${s.id}`,
          maxAttempts: 3,
        });
      if (s.reconcile_due)
        await enqueue(db, {
          kind: 'store.reconcile',
          payload: { store_id: s.id },
          accountId: s.account_id,
          dedupeKey: `store.reconcile:${s.id}`,
          runAt: now + RECONCILE_EVERY_MS,
          maxAttempts: 3,
        });
    }
  }

  /** Wired by buildApp: the lifecycle after the first sync (distribution, live updates). */
  setChangedOrdersHook(hook: ChangedOrdersHook): void {
    this.onChanged = hook;
  }

  /** Applies the hook when the change did anything; runs in the caller's transaction. */
  readonly afterChanges = async (
    trx: Transaction<DB>,
    accountId: number,
    changes: StoreChanges,
  ): Promise<void> => {
    if (!this.onChanged) return;
    if (changes.moved.length === 0 && changes.maybeDistributable.length === 0) return;
    await this.onChanged(trx, accountId, changes);
  };

  /** The hourly check of open orders against the store (trashed, deleted); see reconcile.ts. */
  async reconcile(storeId: number, heartbeat: () => Promise<void>): Promise<void> {
    await reconcileOpenOrders(
      this.database,
      this.connections,
      this.writer,
      storeId,
      heartbeat,
      this.afterChanges,
    );
  }

  async syncStore(
    storeId: number,
    heartbeat: () => Promise<void> = () => Promise.resolve(),
  ): Promise<SyncRun> {
    const db = this.database.db;
    const store = await findStore(db, storeId);
    const run: SyncRun = { ok: false, pages: 0, created: 0, updated: 0, quarantined: 0 };
    if (!store || store.status !== 'connected' || !store.credentials) return run;
    const conn = this.connections.of(store);
    run.releaseQuarantine = await hasQuarantined(db, storeId);
    const started = Date.now();
    const begun = await beginSyncRun(db, storeId, started, this.opts.firstSyncDays);
    const cursor: OrdersCursor =
      begun.cursor_modified_at === null
        ? { modifiedAt: begun.sync_from ?? started, afterId: '0' }
        : { modifiedAt: begun.cursor_modified_at, afterId: begun.cursor_id ?? '0' };
    const fail = async (m: StoreMessage) => {
      await recordStoreError(db, storeId, m.code, m.message, Date.now());
      return { ...run, error: m };
    };
    const feed = new PageFeed((c) => conn.ordersAfter(c, this.opts.pageSize), cursor, PAGES_AHEAD);
    try {
      for (;;) {
        const batch = await feed.take(ORDERS_PER_TRANSACTION, GATHER_MS);
        if (batch.pages > 0) {
          await this.storeBatch(store.account_id, storeId, store.connector, batch, run);
          await heartbeat();
        }
        if (batch.error) return fail(batch.error);
        if (batch.done) break;
      }
    } finally {
      feed.stop();
    }
    const done = Date.now();
    await updateStore(db, storeId, {
      last_sync_at: done,
      first_synced_at: store.first_synced_at ?? done,
      sync_started_at: null,
      last_error_code: null,
      last_error: null,
      error_since: null,
      updated_at: done,
    });
    return { ...run, ok: true };
  }

  /**
   * A batch of pages and the cursor after it, in one transaction: a crash loses or repeats
   * nothing. When the database refuses the batch, the orders are stored one by one and those
   * that still fail are quarantined with the reason (the rest of the page syncs; the store
   * shows them); the cursor then moves past the batch.
   */
  private async storeBatch(
    accountId: number,
    storeId: number,
    source: string,
    batch: Batch,
    run: SyncRun,
  ): Promise<void> {
    const stored = (trx: Transaction<DB>, orders: readonly UnifiedOrder[]) =>
      this.storeOrders(trx, accountId, storeId, source, orders, run);
    try {
      await this.database.db.transaction().execute(async (trx) => {
        await stored(trx, batch.orders);
        await this.moveCursor(trx, storeId, batch);
      });
    } catch (err) {
      if (batch.orders.length === 0) throw err;
      const refused: Refused[] = [];
      for (const u of batch.orders) {
        try {
          await this.database.db.transaction().execute((trx) => stored(trx, [u]));
        } catch (one) {
          refused.push({
            external_id: String(u.id),
            number: u.number,
            reason: 'store_rejected_row',
            detail: databaseRefusal(one),
          });
        }
      }
      // Every order failing alone too is the database's trouble, not the orders': retry later.
      if (refused.length === batch.orders.length) throw err;
      await this.database.db.transaction().execute(async (trx) => {
        await quarantine(trx, accountId, storeId, refused, Date.now());
        await this.moveCursor(trx, storeId, batch);
      });
    }
    run.pages += batch.pages;
  }

  private async storeOrders(
    trx: Transaction<DB>,
    accountId: number,
    storeId: number,
    source: string,
    orders: readonly UnifiedOrder[],
    run: SyncRun,
  ): Promise<void> {
    const now = Date.now();
    const r = await upsertOrdersPage(trx, this.writer, accountId, storeId, source, orders, now);
    run.created += r.created.length;
    run.updated += r.updated.length;
    run.quarantined += r.refused.length;
    if (r.refused.length) await quarantine(trx, accountId, storeId, r.refused, now);
    if (run.releaseQuarantine) {
      const refused = new Set(r.refused.map((x) => x.external_id));
      await release(
        trx,
        storeId,
        orders.map((u) => String(u.id)).filter((id) => !refused.has(id)),
      );
    }
    const fresh = r.created.filter((c) => c.status === 'new');
    if (fresh.length && this.onNewOrders) await this.onNewOrders(trx, accountId, fresh);
    await this.afterChanges(trx, accountId, r);
    // After distribution: an order it just assigned has its push queued, not yet a divergence.
    if (r.updated.length || r.unchanged)
      await checkDivergence(trx, accountId, storeId, orders, now);
  }

  private async moveCursor(trx: Transaction<DB>, storeId: number, batch: Batch): Promise<void> {
    await trx
      .updateTable('stores')
      .set((eb) => ({
        cursor_modified_at: batch.after.modifiedAt,
        cursor_id: batch.after.afterId,
        sync_progress: eb('sync_progress', '+', batch.orders.length),
        updated_at: Date.now(),
      }))
      .where('id', '=', storeId)
      .execute();
  }
}

/** The database's refusal in a few words: its error code and first line, never the data. */
function databaseRefusal(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  const first = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
  return `${typeof code === 'string' ? `${code}: ` : ''}${first}`.slice(0, 200);
}
