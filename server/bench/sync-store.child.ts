import { startFakeStore } from '../test/support/fake-store.js';

/**
 * The bench's store, in a process of its own so that its memory and CPU are not counted as
 * the sync's: ORDERS realistic orders in the ecomdir Connect contract, pages cached after
 * the first request (a real store's cost is not what the bench measures). It walks its own
 * feed once before it reports ready, so the cache is warm and the bench's process has
 * allocated nothing for it.
 */
const store = await startFakeStore({ orders: Number(process.env.ORDERS ?? 50_000), stepMs: 1000 });
store.cachePages = true;
const auth = `Basic ${Buffer.from(`${store.user}:${store.password.replace(/\s+/g, '')}`).toString('base64')}`;
let cursor: { modified_after: string; after_id: number } | null = {
  modified_after: '1970-01-01T00:00:00Z',
  after_id: 0,
};
while (cursor) {
  const q: URLSearchParams = new URLSearchParams({
    modified_after: cursor.modified_after,
    after_id: String(cursor.after_id),
    limit: process.env.PAGE ?? '100',
  });
  const res: Response = await fetch(`${store.url}/wp-json/ecomdir/v1/orders?${q}`, {
    headers: { authorization: auth },
  });
  cursor = ((await res.json()) as { next_cursor: typeof cursor }).next_cursor;
}
process.send?.({ url: store.url, user: store.user, password: store.password });
process.on('disconnect', () => void store.close().then(() => process.exit(0)));
