import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { orderErrors } from '../../../../test/support/unified-schema.js';
import type { OrdersCursor } from '../connector.js';
import { wcRestConnector } from './index.js';
import { WcOrderSchema, lockRefusal, toUnified } from './mapping.js';

const fixture = <T>(name: string): T =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8')) as T;

describe('WooCommerce REST (wc/v3) mapping (fixtures)', () => {
  it('maps a wc/v3 order to the unified order, valid against the contract schema', () => {
    const unified = toUnified(WcOrderSchema.parse(fixture('order.wc-v3.json')));
    assert.deepEqual(unified, fixture('order.unified.json'));
    assert.deepEqual(orderErrors(unified), []);
  });

  it('refuses a different packer on a confirmed order unless overridden', () => {
    const o = WcOrderSchema.parse(fixture('order.wc-v3.json'));
    const meta = o.meta_data.find((m) => m.key === '_ecomdir_packer');
    if (meta)
      meta.value = JSON.stringify({
        packer_id: '4',
        packer_name: 'Gică',
        assigned_at: '2026-11-27T10:31:00Z',
        confirmed_at: '2026-11-27T10:40:00Z',
      });
    const push = {
      packerId: '9',
      packerName: 'Alt',
      assignedAt: 0,
      confirmedAt: null,
      override: false,
    };
    assert.match(lockRefusal(o, push, true) ?? '', /confirmed by Gică/);
    assert.equal(lockRefusal(o, { ...push, override: true }, true), null);
    assert.equal(lockRefusal(o, { ...push, packerId: '4' }, true), null);
  });
});

describe('WooCommerce REST feed: every order once, also when many share one second', () => {
  // A wc/v3 stand-in: sorted by modification second only (ties in no particular order),
  // "modified_after" exclusive, paged by page/per_page; OAuth 1.0a signature required on http.
  const base = fixture<Record<string, unknown>>('order.wc-v3.json');
  const orders = Array.from({ length: 230 }, (_, i) => {
    const second = 1_800_000_000 + (i < 150 ? 0 : i); // 150 orders share one second
    const gmt = new Date(second * 1000).toISOString().slice(0, 19);
    return {
      ...base,
      id: 1000 + ((i * 37) % 230),
      number: String(i),
      date_modified_gmt: gmt,
      date_created_gmt: gmt,
      meta_data: [],
    };
  });
  let url = '';
  let signed = true;
  const server = http.createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams;
    signed &&= q.has('oauth_signature') && q.get('oauth_consumer_key') === 'ck_test';
    const after = Date.parse(`${q.get('modified_after') ?? ''}Z`);
    const perPage = Number(q.get('per_page'));
    const page = Number(q.get('page'));
    const list = orders
      .filter((o) => Date.parse(`${o.date_modified_gmt}Z`) > after)
      .sort(
        (a, b) => Date.parse(`${a.date_modified_gmt}Z`) - Date.parse(`${b.date_modified_gmt}Z`),
      );
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(list.slice((page - 1) * perPage, page * perPage)));
  });
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('pages through by (second, id) without skipping or repeating', async () => {
    const conn = wcRestConnector.connect(
      url,
      { consumer_key: 'ck_test', consumer_secret: 'cs_test' },
      { timeoutMs: 2000 },
    );
    let cursor: OrdersCursor = { modifiedAt: 0, afterId: '0' };
    const seen: number[] = [];
    for (let i = 0; i < 50; i++) {
      const r = await conn.ordersAfter(cursor, 100);
      assert.ok(r.ok);
      seen.push(...r.result.orders.map((o) => o.id));
      const last = r.result.orders.at(-1);
      if (!r.result.next) break;
      cursor = r.result.next;
      assert.ok(last);
    }
    assert.equal(seen.length, 230, 'every order once');
    assert.equal(new Set(seen).size, 230);
    assert.ok(signed, 'every request carried an OAuth 1.0a signature');
  });
});
