import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addStore } from '../../../test/support/factories.js';
import { startFakeStore } from '../../../test/support/fake-store.js';
import { makeOrder } from '../../../test/support/store-orders.js';
import { type Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { forDistribution, loadOrders } from '../distribution/distribution.repo.js';
import { rowWriterFor } from './row-writer.js';
import { upsertOrdersPage } from './sync.repo.js';

/**
 * The sync hands its new orders to distribution as it wrote them, instead of distribution
 * reading them back: what it hands over must be exactly what a read gives.
 */
describe('new synced orders as handed to distribution', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client & { accountId: number };
  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
  });
  after(() => app.cleanup());

  it('equal what distribution reads back of them', async () => {
    const fake = await startFakeStore();
    const storeId = await addStore(owner, fake);
    await fake.close();
    const page = Array.from({ length: 40 }, (_, i) => makeOrder(i + 1, Date.now() - 60_000 + i));
    // Categories in item meta and a second shipping line: the parts distribution derives.
    page[3]!.items[0]!.meta = [{ key: 'categories', value: 'Cărți, Bucătărie' }];
    page[5]!.shipping_lines.push({
      method_id: 'local_pickup',
      method_title: 'Ridicare',
      total: '0',
    });
    const db = app.database.db;
    await db.transaction().execute(async (trx) => {
      const r = await upsertOrdersPage(
        trx,
        rowWriterFor(app.database),
        owner.accountId,
        storeId,
        'woocommerce',
        page,
        Date.now(),
      );
      assert.equal(r.created.length, 40);
      const handed = r.created.map((o) => forDistribution(o, o.items));
      const read = await loadOrders(
        trx,
        owner.accountId,
        r.created.map((o) => o.id),
      );
      assert.deepEqual(handed, read);
      assert.ok(handed[3]!.categories.length > 0, 'categories came from the item meta');
      assert.ok(handed[5]!.shippingMethods.includes('local_pickup'));
    });
  });
});
