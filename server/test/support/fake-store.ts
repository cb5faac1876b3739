import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UnifiedOrder } from '../../src/modules/connectors/unified-order.js';
import { isoSecond, makeOrder } from './store-orders.js';

/**
 * A local fake of a store running ecomdir Connect (connector contract v1), for tests and the
 * sync bench: the orders feed by (modification second, id), one order, packer and shipment
 * write-back with the packer lock, Basic Auth — and injectable faults.
 */
export type Fault =
  | 'timeout'
  | '500'
  | '401'
  | 'malformed'
  | 'truncated'
  /** Answers the previous orders page again instead of the one asked for. */
  | 'repeat'
  /** Before answering, modifies an order already delivered (it moves behind the cursor). */
  | 'modify-delivered';

export interface FakeStore {
  url: string;
  orders: Map<number, UnifiedOrder>;
  user: string;
  password: string;
  faults: Fault[];
  requests: { method: string; path: string; body: string }[];
  /** Answers slower than the client waits when a 'timeout' fault is next. */
  hangMs: number;
  overrideAllowed: boolean;
  /** Serves page answers from a cache keyed by URL (the bench: the store's own cost out of the way). */
  cachePages: boolean;
  /** Each orders page answers this much later (a slow store: time to kill a sync mid-way). */
  pageDelayMs: number;
  add(order: UnifiedOrder): void;
  modify(id: number, change: (o: UnifiedOrder) => void, atMs?: number): void;
  close(): Promise<void>;
}

const keyOf = (o: UnifiedOrder) => [Date.parse(o.modified_at), o.id] as const;

export async function startFakeStore(
  opts: { orders?: number; startMs?: number; stepMs?: number; password?: string } = {},
): Promise<FakeStore> {
  const orders = new Map<number, UnifiedOrder>();
  const start = opts.startMs ?? Date.now() - 10 * 86_400_000;
  for (let i = 1; i <= (opts.orders ?? 0); i++)
    orders.set(i, makeOrder(i, start + Math.floor((i * (opts.stepMs ?? 1000)) / 3)));
  let sorted: UnifiedOrder[] | null = null;
  const cache = new Map<string, string>();
  let lastPage = '';
  const delivered = new Set<number>();
  const store: FakeStore = {
    url: '',
    orders,
    user: 'ecomdir',
    password: opts.password ?? 'abcd efgh ijkl mnop qrst uvwx',
    faults: [],
    requests: [],
    hangMs: 3000,
    overrideAllowed: false,
    cachePages: false,
    pageDelayMs: 0,
    add(o) {
      orders.set(o.id, o);
      sorted = null;
      cache.clear();
    },
    modify(id, change, atMs = Date.now()) {
      const o = orders.get(id);
      if (!o) throw new Error(`no order ${id}`);
      change(o);
      o.modified_at = isoSecond(Math.max(atMs, Date.parse(o.modified_at) + 1000));
      sorted = null;
      cache.clear();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  // Like WooCommerce, the feed never lists trashed orders (GET orders/<id> still answers them).
  const feed = () =>
    (sorted ??= [...orders.values()]
      .filter((o) => o.status !== 'trash')
      .sort((a, b) => keyOf(a)[0] - keyOf(b)[0] || a.id - b.id));

  function page(q: URLSearchParams): string {
    const after = [
      Date.parse(q.get('modified_after') ?? '1970-01-01T00:00:00Z'),
      Number(q.get('after_id') ?? 0),
    ] as const;
    const limit = Math.min(500, Math.max(1, Number(q.get('limit') ?? 100)));
    const all = feed();
    // First index strictly after the cursor (binary search on the sorted feed).
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const [t, id] = keyOf(all[mid] as UnifiedOrder);
      if (t > after[0] || (t === after[0] && id > after[1])) hi = mid;
      else lo = mid + 1;
    }
    const slice = all.slice(lo, lo + limit);
    for (const o of slice) delivered.add(o.id);
    const last = slice[slice.length - 1];
    const more = lo + limit < all.length;
    return JSON.stringify({
      orders: slice,
      next_cursor: more && last ? { modified_after: last.modified_at, after_id: last.id } : null,
    });
  }

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const path = url.pathname.replace(/^\/wp-json\/ecomdir\/v1\//, '');
      store.requests.push({ method: req.method ?? '', path: url.pathname + url.search, body });
      const send = (status: number, payload: unknown, raw?: string) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(raw ?? JSON.stringify(payload));
      };
      const expected = `Basic ${Buffer.from(`${store.user}:${store.password.replace(/\s+/g, '')}`).toString('base64')}`;
      const fault = url.pathname.startsWith('/wp-json/ecomdir/v1/')
        ? store.faults.shift()
        : undefined;
      if (fault === 'timeout') return void setTimeout(() => send(200, {}), store.hangMs);
      if (fault === '500')
        return send(500, {
          code: 'internal_server_error',
          message: 'There has been a critical error on this website.',
        });
      if (fault === '401' || req.headers.authorization !== expected)
        return send(401, {
          code: 'rest_not_logged_in',
          message: 'You are not currently logged in.',
          data: { status: 401 },
        });
      if (fault === 'modify-delivered') {
        const victim = [...delivered][0];
        if (victim !== undefined)
          store.modify(victim, (o) => (o.customer_note = `changed while paging ${Date.now()}`));
      }
      if (path === 'status' && req.method === 'GET') {
        return send(200, {
          contract_version: 1,
          plugin_version: '1.0.0',
          wordpress_version: '6.8',
          woocommerce_version: '9.9.0',
          hpos: true,
          site_url: store.url,
          timezone: 'Europe/Bucharest',
          currency: 'RON',
        });
      }
      if (path === 'orders' && req.method === 'GET') {
        if (fault === 'repeat' && lastPage) return send(200, null, lastPage);
        const key = url.search;
        let text = store.cachePages ? cache.get(key) : undefined;
        if (text === undefined) {
          text = page(url.searchParams);
          if (store.cachePages) cache.set(key, text);
        }
        lastPage = text;
        if (fault === 'malformed')
          return send(200, null, `<html><body>Fatal error</body></html>${text.slice(0, 10)}`);
        if (fault === 'truncated')
          return send(200, null, text.slice(0, Math.floor(text.length / 2)));
        const answer = text;
        if (store.pageDelayMs)
          return void setTimeout(() => send(200, null, answer), store.pageDelayMs);
        return send(200, null, answer);
      }
      const m = /^orders\/(\d+)(?:\/(packer|shipment))?$/.exec(path);
      const o = m ? orders.get(Number(m[1])) : undefined;
      if (!m || !o)
        return send(404, {
          code: m ? 'ecomdir_order_not_found' : 'rest_no_route',
          message: 'Not found.',
        });
      if (!m[2]) return send(200, o);
      const b = JSON.parse(body || '{}') as Record<string, unknown>;
      if (m[2] === 'packer') {
        const confirmed = o.packer?.confirmed_at;
        if (
          confirmed &&
          o.packer?.id !== b.packer_id &&
          !(store.overrideAllowed && b.override === true)
        ) {
          return send(409, {
            code: 'ecomdir_packer_locked',
            message: `Order ${o.id} is locked to packer ${o.packer?.name ?? ''}.`,
            data: { status: 409 },
          });
        }
        o.packer = {
          id: String(b.packer_id),
          name: String(b.packer_name),
          assigned_at: String(b.assigned_at),
          confirmed_at: (b.confirmed_at as string | null) ?? null,
          locked: b.confirmed_at != null,
        };
      } else {
        o.shipment = {
          courier: String(b.courier),
          awb: String(b.awb),
          tracking_url: String(b.tracking_url),
          label_url: (b.label_url as string | null) ?? null,
          shipped_at: isoSecond(Date.now()),
        };
      }
      store.modify(o.id, () => undefined);
      return send(200, o);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  store.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return store;
}
