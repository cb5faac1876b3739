import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { UnifiedOrderSchema } from '../connectors/unified-order.js';
import { initialStatus, minor, nextStatus, sameItems, toRows } from './order-rows.js';

const recorded = UnifiedOrderSchema.parse(
  (
    JSON.parse(
      fs.readFileSync(
        path.join(
          import.meta.dirname,
          '../connectors/woocommerce/fixtures/orders-page.response.json',
        ),
        'utf8',
      ),
    ) as { orders: unknown[] }
  ).orders[0],
);

describe('unified order → ecomdir rows (pure)', () => {
  it('maps the recorded plugin order', () => {
    const r = toRows(recorded);
    assert.equal(r.order.external_id, '2');
    assert.equal(r.order.total_minor, 12600);
    assert.equal(r.order.shipping_total_minor, 1500);
    assert.equal(r.order.customer_name, 'Maria Popescu');
    assert.equal(r.order.customer_phone, '0700007919');
    assert.equal(r.order.shipping_city, 'Cluj-Napoca');
    assert.equal(r.order.items_count, 3);
    assert.equal(r.order.is_cod, 0);
    assert.equal(r.order.paid, 1);
    assert.equal(r.order.modified_at, Date.parse('2026-11-28T15:57:29Z'));
    assert.match(r.order.search_text, /maria popescu/);
    assert.match(r.order.search_text, /cana-01/);
    assert.deepEqual(r.items[0], {
      external_id: '1',
      product_id: '102',
      variation_id: null,
      sku: 'CANA-01',
      name: 'Cană ceramică pictată',
      quantity: 2,
      unit_price_minor: 3450,
      total_minor: 6900,
      weight_grams: 450,
      meta: JSON.stringify({ Mărime: 'M' }),
    });
    assert.deepEqual(
      r.addresses.map((a) => [a.kind, a.city, a.email]),
      [
        ['billing', 'Cluj-Napoca', 'maria.popescu1@example.ro'],
        ['shipping', 'Cluj-Napoca', ''],
      ],
    );
  });

  it('reads money exactly, also with more decimals or a minus sign', () => {
    assert.deepEqual(
      ['19.99', '0.1', '-5.005', '1234567.89', '3'].map(minor),
      [1999, 10, -501, 123456789, 300],
    );
  });

  it('derives the ecomdir status from the store status', () => {
    assert.deepEqual(
      ['processing', 'on-hold', 'pending', 'completed', 'cancelled', 'trash'].map(initialStatus),
      ['new', 'new', 'new', 'shipped', 'cancelled', 'cancelled'],
    );
    assert.equal(nextStatus('assigned', 'processing', 'cancelled'), 'cancelled');
    assert.equal(
      nextStatus('shipped', 'processing', 'refunded'),
      null,
      'a shipped order stays shipped',
    );
    assert.equal(nextStatus('cancelled', 'trash', 'processing'), 'new', 'restored from the trash');
    assert.equal(nextStatus('assigned', 'processing', 'on-hold'), null);
    assert.equal(nextStatus('confirmed', 'processing', 'completed'), 'shipped');
    assert.equal(nextStatus('shipped', 'processing', 'completed'), null);
    assert.equal(nextStatus('shipped', 'completed', 'processing'), null);
  });

  it('compares items field by field', () => {
    const { items } = toRows(recorded);
    assert.ok(sameItems(items, toRows(recorded).items));
    assert.ok(
      !sameItems(
        items,
        items.map((i, k) => (k === 1 ? { ...i, quantity: 5 } : i)),
      ),
    );
  });
});
