import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seedOrders } from '../../demo/seed-orders.js';
import { type Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { normalizeForSearch } from './search-text.js';

/**
 * Search answers must not depend on the plan the database picks: a word matching a few
 * orders and one matching thousands (SQLite switches plans past 200 hits) both return
 * exactly the orders whose search text contains every word, in order, across pages.
 */
describe('orders search over thousands of orders', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client & { accountId: number };
  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
    await seedOrders(app.database.db, {
      accountId: owner.accountId,
      count: 3000,
      days: 60,
      packerIds: [],
      seed: 7,
    });
  });
  after(() => app.cleanup());

  async function searchAll(q: string): Promise<number[]> {
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const url = `/api/orders?limit=200&q=${encodeURIComponent(q)}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await owner.get(url);
      assert.equal(res.statusCode, 200, res.body);
      const page = res.json<{ items: { id: number }[]; next_cursor: string | null }>();
      ids.push(...page.items.map((i) => i.id));
      cursor = page.next_cursor;
    } while (cursor);
    return ids;
  }

  async function expected(q: string): Promise<number[]> {
    const rows = await app.database.db
      .selectFrom('orders')
      .select(['id', 'search_text'])
      .where('account_id', '=', owner.accountId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const words = normalizeForSearch(q).split(/\s+/).filter(Boolean);
    return rows.filter((r) => words.every((w) => r.search_text.includes(w))).map((r) => r.id);
  }

  for (const q of ['Ștefănescu', 'popescu ion', 'example', 'maria', 'TRC-ALB', '07', 'D10042']) {
    it(`finds exactly the matching orders for "${q}"`, async () => {
      const want = await expected(q);
      assert.ok(want.length > 0, 'the query matches something');
      assert.deepEqual(await searchAll(q), want);
    });
  }

  it('uses both plans: one query matches over 200 orders, another under', async () => {
    assert.ok((await expected('example')).length > 200);
    assert.ok((await expected('D10042')).length < 200);
  });
});
