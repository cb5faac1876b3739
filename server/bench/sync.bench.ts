import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { buildApp } from '../src/http/app.js';
import { rowWriterFor } from '../src/modules/sync/row-writer.js';
import { upsertOrdersPage } from '../src/modules/sync/sync.repo.js';
import { keepHeapNearLiveSize } from '../src/runtime/heap.js';
import { fetchAllPages } from './store-feed.js';
import { OrdersPageSchema } from '../src/modules/connectors/unified-order.js';
import { addStore } from '../test/support/factories.js';
import { ownerClient } from '../test/support/test-app.js';
import { TEST_DIALECT, createTestDatabase, testConfig } from '../test/support/test-db.js';

/**
 * npm run bench:sync — a local store serving ORDERS (default 50,000) realistic orders in
 * pages of 100; the end-to-end first sync of ecomdir (HTTP, parse, validate, upsert, cursor,
 * audit, distribution hook, one transaction per page) against the raw speed of parsing the
 * same JSON and inserting the same rows in one transaction. Last line: one JSON object.
 * TEST_DB=postgres runs it on the local PostgreSQL.
 */
const ORDERS = Number(process.env.ORDERS ?? 50_000);
const PAGE = 100;
const mb = (b: number) => Math.round((b / 1048576) * 10) / 10;

async function startStore(): Promise<{
  child: ChildProcess;
  url: string;
  user: string;
  password: string;
}> {
  const child = fork(path.join(import.meta.dirname, 'sync-store.child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ORDERS: String(ORDERS) },
  });
  const info = await new Promise<{ url: string; user: string; password: string }>((resolve) =>
    child.once('message', (m) => resolve(m as never)),
  );
  return { child, ...info };
}

async function main(): Promise<void> {
  // As the server process runs (src/main.ts).
  keepHeapNearLiveSize();
  const store = await startStore();
  try {
    // The first sync starts 30 days back; the store's orders are younger than that. The
    // store warmed its own cache: nothing of the feed is in this process before the sync.
    // End to end, through the app's own wiring.
    const e2eDb = await createTestDatabase();
    const app = await buildApp(testConfig(e2eDb));
    const owner = await ownerClient(app);
    const storeId = await addStore(owner, store);
    // Run with --expose-gc (npm run bench:sync): the growth is measured from a collected heap.
    global.gc?.();
    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const run = await app.services.sync.syncStore(storeId);
    const e2eMs = performance.now() - t0;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const stored = (
      await app.database.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('store_id', '=', storeId)
        .executeTakeFirstOrThrow()
    ).n;
    await app.close();
    await e2eDb.drop();
    if (!run.ok || Number(stored) !== ORDERS)
      throw new Error(`sync incomplete: ${JSON.stringify(run)}, ${stored} stored`);

    // Raw: the same JSON parsed and the same rows inserted, one transaction, no HTTP, no checks.
    const texts = await fetchAllPages(store, PAGE);
    const firstPage = texts[0] ?? '';
    const rawDb = await createTestDatabase();
    const raw = await buildApp(testConfig(rawDb));
    const rawOwner = await ownerClient(raw);
    const rawStore = await addStore(rawOwner, store);
    const writer = rowWriterFor(raw.database);
    const t1 = performance.now();
    await raw.database.db.transaction().execute(async (trx) => {
      for (const text of texts) {
        const page = JSON.parse(text) as { orders: Parameters<typeof upsertOrdersPage>[5] };
        await upsertOrdersPage(
          trx,
          writer,
          rawOwner.accountId,
          rawStore,
          'woocommerce',
          page.orders,
          Date.now(),
        );
      }
    });
    const rawMs = performance.now() - t1;
    await raw.close();
    await rawDb.drop();

    // What share of the end-to-end time is validation alone (zod on every order).
    const t2 = performance.now();
    for (let i = 0; i < 50; i++) OrdersPageSchema.parse(JSON.parse(firstPage));
    const validateMsPerPage = (performance.now() - t2) / 50;

    const result = {
      database: TEST_DIALECT,
      orders: ORDERS,
      page_size: PAGE,
      pages: run.pages,
      e2e_ms: Math.round(e2eMs),
      orders_per_s: Math.round(ORDERS / (e2eMs / 1000)),
      raw_ms: Math.round(rawMs),
      raw_orders_per_s: Math.round(ORDERS / (rawMs / 1000)),
      ratio_to_raw: Math.round((rawMs / e2eMs) * 100) / 100,
      rss_growth_mb: mb(peak - rss0),
      validate_ms_per_page: Math.round(validateMsPerPage * 100) / 100,
    };
    console.log(
      `sync: ${result.orders_per_s} orders/s end to end (${result.e2e_ms} ms), raw parse+insert ${result.raw_orders_per_s} orders/s, ratio ${result.ratio_to_raw}, RSS +${result.rss_growth_mb} MB`,
    );
    console.log(JSON.stringify(result));
  } finally {
    store.child.disconnect();
  }
}

await main();
