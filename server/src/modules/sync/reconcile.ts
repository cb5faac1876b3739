import type { Database } from '../../db/database.js';
import type { UnifiedOrder } from '../connectors/unified-order.js';
import { StoreUnreachable } from '../connectors/connector.js';
import type { StoreConnections } from '../stores/store-connections.js';
import { findStore, recordStoreError } from '../stores/stores.repo.js';
import type { RowWriter } from './row-writer.js';
import { checkDivergence } from './divergence.js';
import type { ChangedOrdersHook } from './sync.service.js';
import { markDeletedInStore, upsertOrdersPage } from './sync.repo.js';

/** Open orders checked per run, oldest first. */
const BATCH = 500;

/**
 * Trashed and deleted orders leave the store's feed without a trace, so the cursor sync
 * never sees them go. This periodic check asks the store for each order still open in
 * ecomdir (new … packed): gone → marked deleted (and cancelled); trashed or otherwise
 * changed → stored through the same upsert (and audit) as the sync; and the packer the store
 * holds is compared with ecomdir's (divergence.ts), re-pushing the differences.
 */
export async function reconcileOpenOrders(
  database: Database,
  connections: StoreConnections,
  writer: RowWriter,
  storeId: number,
  heartbeat: () => Promise<void>,
  afterChanges: ChangedOrdersHook,
): Promise<{ checked: number; deleted: number; changed: number; diverged: number }> {
  const db = database.db;
  const store = await findStore(db, storeId);
  const out = { checked: 0, deleted: 0, changed: 0, diverged: 0 };
  if (!store || store.status !== 'connected' || !store.credentials) return out;
  const conn = connections.of(store);
  const open = await db
    .selectFrom('orders')
    .select(['id', 'external_id', 'store_status', 'modified_at'])
    .where('store_id', '=', storeId)
    .where('status', 'in', ['new', 'assigned', 'confirmed', 'packed'])
    .where('external_id', 'is not', null)
    .orderBy('id')
    .limit(BATCH)
    .execute();
  const changed: UnifiedOrder[] = [];
  const seen: UnifiedOrder[] = [];
  for (const o of open) {
    let r;
    try {
      r = await conn.order(o.external_id ?? '');
    } catch (err) {
      if (!(err instanceof StoreUnreachable)) throw err;
      await recordStoreError(db, storeId, err.code, err.message, Date.now());
      return out;
    }
    if (!r.ok) return out;
    out.checked += 1;
    if (r.result === null) {
      await db.transaction().execute(async (trx) => {
        const moved = await markDeletedInStore(trx, store.account_id, o.id, Date.now());
        if (moved)
          await afterChanges(trx, store.account_id, { moved: [moved], maybeDistributable: [] });
      });
      out.deleted += 1;
    } else {
      seen.push(r.result);
      if (r.result.status !== o.store_status || Date.parse(r.result.modified_at) > o.modified_at)
        changed.push(r.result);
    }
    if (out.checked % 50 === 0) await heartbeat();
  }
  if (changed.length) {
    const r = await db.transaction().execute(async (trx) => {
      const page = await upsertOrdersPage(
        trx,
        writer,
        store.account_id,
        storeId,
        store.connector,
        changed,
        Date.now(),
      );
      await afterChanges(trx, store.account_id, page);
      return page;
    });
    out.changed = r.updated.length;
  }
  // What the store holds of each packer against ecomdir's: re-push the differences.
  if (seen.length) {
    const d = await db
      .transaction()
      .execute((trx) => checkDivergence(trx, store.account_id, storeId, seen, Date.now()));
    out.diverged = d.diverged;
  }
  return out;
}
