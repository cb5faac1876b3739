import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { changeStampOf } from '../../db/change-stamp.js';
import { createOrder, createPacker } from '../../../test/support/factories.js';
import { type Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { TEST_DIALECT } from '../../../test/support/test-db.js';

interface Page {
  items: { id: number; customer_name: string; packer: { name: string } | null }[];
}

/**
 * The orders list keeps pages in memory until the next write (SQLite). Whatever writes,
 * and from wherever, the next request must see it.
 */
describe('orders list pages kept in memory', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client & { accountId: number };
  const list = async () => {
    const res = await owner.get('/api/orders?limit=50');
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    return res;
  };
  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
  });
  after(() => app.cleanup());

  it('answers a repeated page with the same body, and shows every write at once', async () => {
    const first = await createOrder(owner);
    const a = await list();
    assert.equal((await list()).body, a.body);
    assert.deepEqual(
      a.json<Page>().items.map((i) => i.id),
      [first.id],
    );

    const second = await createOrder(owner);
    assert.deepEqual(
      (await list()).json<Page>().items.map((i) => i.id),
      [second.id, first.id],
    );

    const packer = await createPacker(owner, { name: 'Gelu Pop' });
    const assigned = await owner.post('/api/orders/bulk-assign', {
      order_ids: [first.id],
      packer_id: packer.id,
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    const row = (await list()).json<Page>().items.find((i) => i.id === first.id);
    assert.equal(row?.packer?.name, 'Gelu Pop');

    // Another account asking the same page, with nothing written in between, gets its own.
    const stranger = await ownerClient(app, 'Alt magazin');
    await list();
    const theirs = await stranger.get('/api/orders?limit=50');
    assert.deepEqual(theirs.json<Page>().items, []);
  });

  it(
    'shows what another process wrote to the same SQLite file',
    { skip: TEST_DIALECT !== 'sqlite' },
    async () => {
      const before = (await list()).json<Page>();
      const target = before.items[0];
      assert.ok(target);
      const other = new SQLite(app.database.sqlite?.name ?? '');
      try {
        other
          .prepare('UPDATE orders SET customer_name = ? WHERE id = ?')
          .run('Scris de alt proces', target.id);
      } finally {
        other.close();
      }
      const row = (await list()).json<Page>().items.find((i) => i.id === target.id);
      assert.equal(row?.customer_name, 'Scris de alt proces');
    },
  );

  it('has a change stamp on SQLite that moves with writes only, and none on PostgreSQL', async () => {
    const stamp = changeStampOf(app.database);
    if (TEST_DIALECT === 'postgres') {
      assert.equal(stamp(), null);
      return;
    }
    const s0 = stamp();
    await list();
    assert.equal(stamp(), s0, 'reads leave it alone');
    await createOrder(owner);
    const s1 = stamp();
    assert.notEqual(s1, s0);
    // A transaction that writes and rolls back still moves it: never a false hit.
    await app.database.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('orders').set({ customer_note: 'x' }).execute();
        throw new Error('roll back');
      })
      .catch(() => undefined);
    assert.notEqual(stamp(), s1);
  });
});
