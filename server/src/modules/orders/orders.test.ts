import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOrder, createPacker, phoneOrder } from '../../../test/support/factories.js';
import { type Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import type { Reason } from '../../shared/reasons.js';

interface Summary {
  id: number;
  number: string;
  status: string;
  total: string;
  is_cod: boolean;
  packer: { id: number; name: string } | null;
  created_at: string;
}
interface Page {
  items: Summary[];
  next_cursor: string | null;
}

describe('orders: phone orders, list, filters, search, keyset pages, assignment', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client;
  const ids: number[] = [];
  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
    const people = [
      ['Maria', 'Popescu', '0722 123 456', 'cod', 'TRC-001'],
      ['Ion', 'Ionescu', '0733 000 111', 'bacs', 'CAN-200'],
      ['Ștefan', 'Mureșan', '0744 555 666', 'cod', 'TRC-002'],
      ['Ana', 'Dumitrescu', '0755 987 654', 'card', 'SAP-9'],
      ['Elena', 'Popescu', '0766 222 333', 'cod', 'CAN-201'],
    ] as const;
    for (let round = 0; round < 5; round++) {
      for (const [first, last, phone, pay, sku] of people) {
        const o = await createOrder(owner, {
          billing: {
            ...(phoneOrder().billing as object),
            first_name: first,
            last_name: last,
            phone,
          },
          payment_method: pay,
          items: [{ sku, name: `Produs ${sku}`, quantity: 1 + round, unit_price: '10.50' }],
        });
        ids.push(o.id);
      }
    }
  });
  after(() => app.cleanup());

  it('creates a phone order with totals, addresses, items and an audit row', async () => {
    const res = await owner.post(
      '/api/orders',
      phoneOrder({ discount_total: '5.00', customer_note: 'Sunați înainte' }),
    );
    assert.equal(res.statusCode, 201);
    const o = res.json<
      Record<string, unknown> & {
        items: unknown[];
        audit: { action: string; to: string }[];
        billing: { city: string };
        shipping: { city: string };
      }
    >();
    assert.equal(o.subtotal, '99.80');
    assert.equal(o.total, '109.80');
    assert.equal(o.status, 'new');
    assert.equal(o.is_cod, true);
    assert.match(String(o.number), /^M\d+$/);
    assert.equal(o.shipping.city, 'Cluj-Napoca');
    assert.equal(o.items.length, 1);
    assert.deepEqual(
      o.audit.map((a) => [a.action, a.to]),
      [['created', 'new']],
    );
  });

  it('numbers phone orders per account (M1, M2, …), not by a database id', async () => {
    const numbers = async (client: Client) => {
      const out: string[] = [];
      for (let i = 0; i < 2; i++) {
        const res = await client.post('/api/orders', phoneOrder({}));
        assert.equal(res.statusCode, 201, res.body);
        out.push(res.json<{ number: string }>().number);
      }
      return out;
    };
    assert.deepEqual(await numbers(await ownerClient(app, 'Numere A')), ['M1', 'M2']);
    assert.deepEqual(await numbers(await ownerClient(app, 'Numere B')), ['M1', 'M2']);
  });

  it('pages through everything with the keyset cursor, newest first, no repeats, no gaps', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/orders?limit=7${cursor ? `&cursor=${cursor}` : ''}`;
      const page: Page = (await owner.get(url)).json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor && pages < 20);
    assert.equal(seen.length, new Set(seen).size, 'no order repeated');
    assert.equal(seen.length, ids.length + 1);
    const sorted = [...seen].sort((a, b) => b - a);
    assert.deepEqual(seen, sorted, 'created_at desc then id desc = id desc here');
  });

  it('sorts by total both ways across pages', async () => {
    const all: Summary[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = (
        await owner.get(`/api/orders?sort=total&limit=4${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      all.push(...page.items);
      cursor = page.next_cursor;
    } while (cursor);
    const totals = all.map((o) => Number(o.total));
    assert.deepEqual(
      totals,
      [...totals].sort((a, b) => a - b),
    );
    // Five orders share each total: the cursor must neither repeat nor skip across the ties.
    const seen = all.map((o) => o.id);
    assert.equal(new Set(seen).size, seen.length, 'no order repeated');
    assert.equal(seen.length, ids.length + 1, 'no order skipped');
    const desc: Page = (await owner.get('/api/orders?sort=-total&limit=3')).json();
    assert.ok(Number(desc.items[0]?.total) >= Number(desc.items[2]?.total));
  });

  it('pages through oldest first (ascending cursor): every order once, in order', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/orders?sort=created_at&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: Page = (await owner.get(url)).json();
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor && pages < 40);
    assert.equal(new Set(seen).size, seen.length, 'no order repeated');
    assert.equal(seen.length, ids.length + 1, 'no order skipped');
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => a - b),
    );
  });

  it('refuses a cursor made for another sort or tampered with', async () => {
    const page: Page = (await owner.get('/api/orders?limit=2')).json();
    assert.ok(page.next_cursor);
    const wrongSort = await owner.get(`/api/orders?sort=total&cursor=${page.next_cursor}`);
    assert.equal(wrongSort.statusCode, 400);
    assert.equal(wrongSort.json<{ error: { code: string } }>().error.code, 'invalid_cursor');
    const forged = Buffer.from(JSON.stringify(['-created_at', 'x', 1])).toString('base64url');
    assert.equal((await owner.get(`/api/orders?cursor=${forged}`)).statusCode, 400);
  });

  it('filters by cash on delivery, payment method, status and date range', async () => {
    const cod: Page = (await owner.get('/api/orders?cod=true&limit=200')).json();
    assert.ok(cod.items.length >= 15 && cod.items.every((o) => o.is_cod));
    const bacs: Page = (await owner.get('/api/orders?payment_method=bacs&limit=200')).json();
    assert.equal(bacs.items.length, 5);
    const statuses: Page = (await owner.get('/api/orders?status=assigned,confirmed')).json();
    assert.equal(statuses.items.length, 0);
    const future: Page = (
      await owner.get(
        `/api/orders?created_from=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`,
      )
    ).json();
    assert.equal(future.items.length, 0);
    const past: Page = (
      await owner.get(
        `/api/orders?created_to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}&limit=200`,
      )
    ).json();
    assert.equal(past.items.length, ids.length + 1);
  });

  it('searches by name without diacritics, phone digits, SKU and order number', async () => {
    const count = async (q: string) =>
      (await owner.get(`/api/orders?limit=200&q=${encodeURIComponent(q)}`)).json<Page>().items
        .length;
    assert.equal(await count('muresan'), 5);
    assert.equal(await count('Mureșan'), 5);
    assert.equal(await count('popescu'), 11); // 10 Popescu orders + the phone-order test's Maria Popescu
    assert.equal(await count('elena popescu'), 5);
    assert.equal(await count('0733000111'), 5);
    assert.equal(await count('0733 000'), 5);
    assert.equal(await count('can-20'), 10);
    assert.equal(await count('-9'), 5, 'two-letter words fall back to a plain substring match');
    const first = ids[0] ?? 0;
    const firstNumber = (await owner.get(`/api/orders/${first}`)).json<{ number: string }>().number;
    assert.ok((await count(firstNumber)) >= 1);
    assert.equal(await count('nimeni-nu-se-numeste-asa'), 0);
    assert.equal(await count('100%_'), 0, 'LIKE wildcards are taken literally');
  });

  it('assigns by hand, unassigns, filters by packer, and records history and audit', async () => {
    // By hand only: a new packer would otherwise take the waiting phone orders at once.
    const off = { store_id: null, strategy: 'least-loaded', enabled: false };
    assert.equal((await owner.request('PUT', '/api/distribution/settings', off)).statusCode, 200);
    const p1 = await createPacker(owner, { name: 'Ion Packer' });
    const p2 = await createPacker(owner, { name: 'Dana Packer' });
    const [a, b] = ids;
    assert.ok(a && b);
    let res = await owner.post('/api/orders/bulk-assign', {
      order_ids: [a, b, 999999],
      packer_id: p1.id,
    });
    assert.deepEqual(res.json<{ updated: number[] }>().updated, [a, b]);
    assert.equal(res.json<{ skipped: { code: string }[] }>().skipped[0]?.code, 'order_not_found');
    res = await owner.post('/api/orders/bulk-assign', {
      order_ids: [a],
      packer_id: p2.id,
      reason: 'Ion e în concediu',
    });
    assert.deepEqual(res.json<{ updated: number[] }>().updated, [a]);
    const byPacker: Page = (await owner.get(`/api/orders?packer_id=${p1.id}`)).json();
    assert.deepEqual(
      byPacker.items.map((o) => o.id),
      [b],
    );
    const unassigned: Page = (await owner.get('/api/orders?packer_id=none&limit=200')).json();
    assert.equal(unassigned.items.length, ids.length + 1 - 2);
    const detail = (await owner.get(`/api/orders/${a}`)).json<{
      status: string;
      packer: { name: string };
      assignments: { packer: { name: string }; ended_at: string | null; reason: Reason }[];
      audit: { action: string; from: string | null; to: string | null; reason: Reason }[];
    }>();
    assert.equal(detail.status, 'assigned');
    assert.equal(detail.packer.name, 'Dana Packer');
    assert.equal(detail.assignments.length, 2);
    assert.ok(detail.assignments[0]?.ended_at, 'the first assignment ended');
    assert.equal(detail.assignments[1]?.ended_at, null);
    const last = detail.audit.at(-1);
    assert.deepEqual(
      [last?.action, last?.from, last?.to, last?.reason],
      [
        'assigned',
        'Ion Packer',
        'Dana Packer',
        { code: 'note', params: { text: 'Ion e în concediu' } },
      ],
    );
    res = await owner.post('/api/orders/bulk-assign', { order_ids: [a], packer_id: null });
    assert.deepEqual(res.json<{ updated: number[] }>().updated, [a]);
    assert.equal((await owner.get(`/api/orders/${a}`)).json<{ status: string }>().status, 'new');
  });

  it('skips confirmed orders: the lock holds against a bulk assignment', async () => {
    const p1 = await createPacker(owner);
    const p2 = await createPacker(owner);
    const id = ids[5] ?? 0;
    await owner.post('/api/orders/bulk-assign', { order_ids: [id], packer_id: p1.id });
    await app.database.db
      .updateTable('orders')
      .set({ status: 'confirmed', confirmed_at: Date.now() })
      .where('id', '=', id)
      .execute();
    const res = await owner.post('/api/orders/bulk-assign', { order_ids: [id], packer_id: p2.id });
    assert.deepEqual(
      res.json<{ skipped: { code: string }[] }>().skipped.map((s) => s.code),
      ['packer_locked'],
    );
    assert.equal((await owner.get(`/api/orders/${id}`)).json<Summary>().packer?.id, p1.id);
  });

  it('refuses to assign to an inactive packer', async () => {
    const p = await createPacker(owner);
    await owner.patch(`/api/packers/${p.id}`, { active: false });
    const res = await owner.post('/api/orders/bulk-assign', {
      order_ids: [ids[7] ?? 0],
      packer_id: p.id,
    });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json<{ error: { code: string } }>().error.code, 'packer_inactive');
  });
});
