import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ordersPageErrors } from '../../../../test/support/unified-schema.js';
import { OrdersPageSchema } from '../unified-order.js';
import { ordersQuery, packerBody, toOrdersPage } from './mapping.js';

const fixture = <T>(name: string): T =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8')) as T;

describe('ecomdir Connect mapping (fixtures)', () => {
  it('asks for the page after a cursor with the contract query', () => {
    const req = fixture<{
      cursor: { modifiedAt: number; afterId: string };
      limit: number;
      expected_query: object;
    }>('orders-page.request.json');
    assert.deepEqual(ordersQuery(req.cursor, req.limit), req.expected_query);
  });

  it('reads a recorded plugin page: valid against the contract schema, cursor taken over', () => {
    const raw = fixture<unknown>('orders-page.response.json');
    assert.deepEqual(ordersPageErrors(raw), []);
    const page = toOrdersPage(OrdersPageSchema.parse(raw));
    const expected = fixture<{ orders_count: number; next: object }>('orders-page.expected.json');
    assert.equal(page.orders.length, expected.orders_count);
    assert.deepEqual(page.next, expected.next);
    // Parsing keeps the order as the plugin sent it (no field lost or renamed).
    assert.deepEqual(page.orders[0], (raw as { orders: unknown[] }).orders[0]);
  });

  it('writes the packer body of the contract', () => {
    assert.deepEqual(packerBody(fixture('packer.input.json')), fixture('packer.request.json'));
  });
});
