import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UnifiedOrder } from '../connectors/unified-order.js';
import {
  type OrdersCursor,
  type OrdersPage,
  type Outcome,
  StoreUnreachable,
} from '../connectors/connector.js';
import { PageFeed } from './page-feed.js';

const START: OrdersCursor = { modifiedAt: 0, afterId: '0' };
const order = (id: number) => ({ id, modified_at: '2026-11-28T10:00:00Z' }) as UnifiedOrder;

/** A feed of `pages` pages of 10 orders; `fault(n)` may replace page n's answer. */
function store(pages: number, fault?: (n: number) => Outcome<OrdersPage> | Error | undefined) {
  const asked: OrdersCursor[] = [];
  const fetchPage = (c: OrdersCursor): Promise<Outcome<OrdersPage>> => {
    asked.push(c);
    const n = Number(c.afterId) / 10;
    const f = fault?.(n);
    if (f instanceof Error) return Promise.reject(f);
    if (f) return Promise.resolve(f);
    const orders = Array.from({ length: 10 }, (_, i) => order(n * 10 + i + 1));
    const next = n + 1 < pages ? { modifiedAt: 1, afterId: String((n + 1) * 10) } : null;
    return Promise.resolve({ ok: true, result: { orders, next } });
  };
  return { asked, fetchPage };
}

const ids = (orders: UnifiedOrder[]) => orders.map((o) => o.id);

describe('PageFeed', () => {
  it('hands over the pages that arrived, in order, up to the most orders asked for', async () => {
    const s = store(7);
    const feed = new PageFeed(s.fetchPage, START, 5);
    const first = await feed.take(30, 1_000);
    assert.equal(first.pages, 3);
    assert.deepEqual(
      ids(first.orders),
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
    assert.deepEqual(first.after, { modifiedAt: 1, afterId: '30' });
    assert.equal(first.done, false);
    const rest = [];
    for (let b = first; !b.done;) rest.push((b = await feed.take(30, 1_000)));
    assert.deepEqual(
      rest.map((b) => b.pages),
      [3, 1],
    );
    assert.equal(rest.at(-1)?.orders.at(-1)?.id, 70);
    // The last page has no next cursor: the feed ends after its last order.
    assert.deepEqual(rest.at(-1)?.after, {
      modifiedAt: Date.parse('2026-11-28T10:00:00Z'),
      afterId: '70',
    });
  });

  it('never fetches more than the pages it may hold ahead', async () => {
    const s = store(100);
    const feed = new PageFeed(s.fetchPage, START, 2);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(s.asked.length, 2);
    const b = await feed.take(1_000, 0);
    assert.equal(b.pages, 2);
    feed.stop();
  });

  it('keeps the good pages before a failure, then says why it stopped', async () => {
    const s = store(5, (n) =>
      n === 2 ? new StoreUnreachable('timeout', 'no answer within 10 ms') : undefined,
    );
    const feed = new PageFeed(s.fetchPage, START, 5);
    const b = await feed.take(1_000, 1_000);
    assert.equal(b.pages, 2);
    assert.equal(b.orders.length, 20);
    assert.deepEqual(b.error, { code: 'timeout', message: 'no answer within 10 ms' });
  });

  it("reports the store's refusal and a cursor that does not move forward", async () => {
    const refused = new PageFeed(
      store(3, () => ({ ok: false, messages: [{ code: 'rest_forbidden', message: 'No.' }] }))
        .fetchPage,
      START,
      5,
    );
    assert.equal((await refused.take(100, 0)).error?.code, 'rest_forbidden');
    const stuck = new PageFeed(
      store(3, (n) =>
        n === 1
          ? { ok: true, result: { orders: [order(11)], next: { modifiedAt: 1, afterId: '10' } } }
          : undefined,
      ).fetchPage,
      START,
      5,
    );
    const b = await stuck.take(100, 1_000);
    assert.equal(b.pages, 1);
    assert.equal(b.error?.code, 'bad_answer');
  });

  it('throws an unexpected error only after the pages before it were handed over', async () => {
    const bug = new TypeError('a bug');
    const feed = new PageFeed(store(5, (n) => (n === 1 ? bug : undefined)).fetchPage, START, 5);
    const b = await feed.take(100, 1_000);
    assert.equal(b.pages, 1);
    await assert.rejects(feed.take(100, 1_000), (e) => e === bug);
  });
});
