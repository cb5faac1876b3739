import assert from 'node:assert/strict';
import { addStore } from './factories.js';
import { type FakeStore, startFakeStore } from './fake-store.js';
import { type Client, ownerClient, startTestApp } from './test-app.js';

/** A fresh app whose owner has connected one fake store: the setup of the sync tests. */
export interface ConnectedStore {
  app: Awaited<ReturnType<typeof startTestApp>>;
  store: FakeStore;
  owner: Client & { accountId: number };
  storeId: number;
  /** ecomdir's id of the store's order `external`. */
  idOf(external: number): Promise<number>;
  /** Syncs the store now; on a loaded machine a page may time out, so up to 3 runs resume it. */
  sync(): Promise<void>;
  /** Stops the fake store, then the app, and drops its database. */
  close(): Promise<void>;
}

/**
 * Starts the app and a fake store of `orders` orders, lets `prepare` shape those orders before
 * the store is added (statuses, numbers), then adds it as the owner. Nothing is synced yet.
 */
export async function startConnectedStore(
  orders: number,
  prepare: (store: FakeStore) => void = () => undefined,
): Promise<ConnectedStore> {
  const app = await startTestApp();
  const store = await startFakeStore({ orders });
  prepare(store);
  const owner = await ownerClient(app);
  const storeId = await addStore(owner, store);
  return {
    app,
    store,
    owner,
    storeId,
    async idOf(external) {
      const row = await app.database.db
        .selectFrom('orders')
        .select('id')
        .where('store_id', '=', storeId)
        .where('external_id', '=', String(external))
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async sync() {
      let r = await app.services.sync.syncStore(storeId);
      for (let i = 0; i < 3 && !r.ok; i++) r = await app.services.sync.syncStore(storeId);
      assert.equal(r.ok, true, JSON.stringify(r.error));
    },
    async close() {
      await store.close();
      await app.cleanup();
    },
  };
}
