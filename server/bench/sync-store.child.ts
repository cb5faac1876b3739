import { startFakeStore } from '../test/support/fake-store.js';
import { fetchAllPages } from './store-feed.js';

/**
 * The bench's store, in a process of its own so that its memory and CPU are not counted as
 * the sync's: ORDERS realistic orders in the ecomdir Connect contract, pages cached after
 * the first request (a real store's cost is not what the bench measures). It walks its own
 * feed once before it reports ready, so the cache is warm and the bench's process has
 * allocated nothing for it.
 */
const store = await startFakeStore({ orders: Number(process.env.ORDERS ?? 50_000), stepMs: 1000 });
store.cachePages = true;
// Pages of 100, as the sync asks for them (http/app.ts): the cache is keyed by the URL.
await fetchAllPages(store, 100);
process.send?.({ url: store.url, user: store.user, password: store.password });
process.on('disconnect', () => void store.close().then(() => process.exit(0)));
