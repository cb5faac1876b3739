import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { seedOrders } from '../../demo/seed-orders.js';
import { addStore, createOrder } from '../../../test/support/factories.js';
import { startFakeStore } from '../../../test/support/fake-store.js';
import { makeOrder } from '../../../test/support/store-orders.js';
import { type Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { rowWriterFor } from '../sync/row-writer.js';
import { upsertOrdersPage } from '../sync/sync.repo.js';

/**
 * Every writer of orders keeps the search index in step (on SQLite the inserts index their
 * own batches, migration 0301): manual orders, the store sync (new and changed orders) and
 * the demo seed are all found, and FTS5's integrity check compares the index with the table.
 */
describe('search index kept in step by every writer', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client & { accountId: number };
  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
  });
  after(() => app.cleanup());

  const found = async (q: string) =>
    (await owner.get(`/api/orders?limit=200&q=${encodeURIComponent(q)}`))
      .json<{
        items: { id: number }[];
      }>()
      .items.map((i) => i.id);

  async function assertIndexInStep(): Promise<void> {
    if (app.database.dialect !== 'sqlite') {
      // PostgreSQL's trigram index is its own, always in step; what a writer can forget is the
      // indexed text itself: every order must carry its number in search_text.
      const stale = await app.database.db
        .selectFrom('orders')
        .select(['id', 'number', 'search_text'])
        .execute();
      assert.ok(stale.length > 0);
      for (const o of stale)
        assert.ok(
          o.search_text.includes(String(o.number).toLowerCase()),
          `order ${o.id} has no search text for its number`,
        );
      return;
    }
    // Throws SQLITE_CORRUPT_VTAB when the index differs from orders.search_text.
    await sql`INSERT INTO orders_fts(orders_fts, rank) VALUES ('integrity-check', 1)`.execute(
      app.database.db,
    );
  }

  it('manual orders, synced pages (new, then changed) and seeded orders are all found', async () => {
    const manual = await createOrder(owner, { customer_note: 'x' });
    assert.deepEqual(await found('0722123456'), [manual.id]);

    const fake = await startFakeStore();
    const storeId = await addStore(owner, fake);
    await fake.close();
    const writer = rowWriterFor(app.database);
    const page = Array.from({ length: 30 }, (_, i) => makeOrder(i + 1, Date.now() - 60_000 + i));
    page[7]!.billing.email = 'zamfira.unica@example.ro';
    const upsert = (orders: typeof page) =>
      app.database.db
        .transaction()
        .execute((trx) =>
          upsertOrdersPage(
            trx,
            writer,
            owner.accountId,
            storeId,
            'woocommerce',
            orders,
            Date.now(),
          ),
        );
    const first = await upsert(page);
    assert.equal(first.created.length, 30);
    assert.deepEqual(await found('zamfira.unica'), [first.created[7]!.id]);
    await assertIndexInStep();

    const changed = structuredClone(page[7]!);
    changed.billing.email = 'zamfira.mutata@example.ro';
    changed.modified_at = new Date(Date.now()).toISOString();
    const second = await upsert([changed]);
    assert.deepEqual(second.updated, [first.created[7]!.id]);
    assert.deepEqual(await found('zamfira.unica'), []);
    assert.deepEqual(await found('zamfira.mutata'), [first.created[7]!.id]);
    await assertIndexInStep();

    await seedOrders(app.database.db, {
      accountId: owner.accountId,
      count: 300,
      days: 5,
      packerIds: [],
      seed: 3,
      numberPrefix: 'SEED',
    });
    const seeded = await found('seed10123');
    assert.equal(seeded.length, 1);
    await assertIndexInStep();
  });
});
