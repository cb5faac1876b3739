import assert from 'node:assert/strict';
import type { App } from '../../src/http/app.js';
import type { UnifiedOrder } from '../../src/modules/connectors/unified-order.js';
import { ADDRESS_KEYS } from '../../src/modules/sync/order-rows.js';
import type { Client } from './test-app.js';

const cents = (s: string) => Math.round(Number(s) * 100);
const addr = (a: Record<string, string>) =>
  Object.fromEntries(ADDRESS_KEYS.map((k) => [k, a[k] ?? '']));

interface Detail {
  number: string;
  store_status: string;
  created_at: string;
  modified_at: string;
  total: string;
  subtotal: string;
  shipping_total: string;
  discount_total: string;
  tax_total: string;
  currency: string;
  payment_method: string;
  payment_method_title: string;
  paid: boolean;
  customer_note: string;
  billing: Record<string, string>;
  shipping: Record<string, string>;
  items: {
    sku: string;
    name: string;
    quantity: number;
    unit_price: string;
    total: string;
    weight_kg: number | null;
  }[];
  shipping_lines: { method_id: string; method_title: string; total: string }[];
}

/**
 * The set of a store's orders in ecomdir equals the store's, field by field, read back
 * through ecomdir's own order API (not through the sync's mapping).
 */
export async function assertSameOrders(
  app: App,
  owner: Client,
  storeId: number,
  expected: Iterable<UnifiedOrder>,
): Promise<void> {
  const rows = await app.database.db
    .selectFrom('orders')
    .select(['id', 'external_id'])
    .where('store_id', '=', storeId)
    .execute();
  const want = [...expected];
  assert.equal(rows.length, want.length, 'same number of orders');
  const idOf = new Map(rows.map((r) => [r.external_id, r.id]));
  assert.equal(idOf.size, rows.length, 'no order twice');
  for (const s of want) {
    const id = idOf.get(String(s.id));
    assert.ok(id, `order ${s.id} is in ecomdir`);
    const d = (await owner.get(`/api/orders/${id}`)).json<Detail>();
    const ctx = `order ${s.id}`;
    assert.equal(d.number, s.number, ctx);
    assert.equal(d.store_status, s.status, ctx);
    assert.equal(Date.parse(d.created_at), Date.parse(s.created_at), ctx);
    assert.equal(Date.parse(d.modified_at), Date.parse(s.modified_at), ctx);
    for (const k of ['total', 'subtotal', 'shipping_total', 'discount_total', 'tax_total'] as const)
      assert.equal(cents(d[k]), cents(s[k]), `${ctx} ${k}`);
    assert.equal(d.currency, s.currency, ctx);
    assert.equal(d.payment_method, s.payment_method, ctx);
    assert.equal(d.payment_method_title, s.payment_method_title, ctx);
    assert.equal(d.paid, s.paid, ctx);
    assert.equal(d.customer_note, s.customer_note, ctx);
    assert.deepEqual(addr(d.billing), addr(s.billing), `${ctx} billing`);
    assert.deepEqual(addr(d.shipping), addr(s.shipping), `${ctx} shipping`);
    assert.deepEqual(
      d.items.map((i) => [
        i.sku,
        i.name,
        i.quantity,
        cents(i.unit_price),
        cents(i.total),
        i.weight_kg,
      ]),
      s.items.map((i) => [
        i.sku,
        i.name,
        i.quantity,
        cents(i.unit_price),
        cents(i.total),
        i.weight_kg === null ? null : Number(i.weight_kg),
      ]),
      `${ctx} items`,
    );
    assert.deepEqual(
      d.shipping_lines.map((l) => [l.method_id, l.method_title, cents(l.total)]),
      s.shipping_lines.map((l) => [l.method_id, l.method_title, cents(l.total)]),
      `${ctx} shipping lines`,
    );
  }
}
