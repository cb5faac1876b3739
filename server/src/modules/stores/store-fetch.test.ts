import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ownerClient, startTestApp } from '../../../test/support/test-app.js';

/** A "store" that answers whatever a test wants, counting the requests it gets. */
function hostile() {
  let hits = 0;
  let answer: (res: http.ServerResponse) => void = (res) => res.end('{}');
  const server = http.createServer((_req, res) => {
    hits += 1;
    answer(res);
  });
  return {
    server,
    get hits() {
      return hits;
    },
    set: (f: typeof answer) => (answer = f),
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  };
}

describe('adding a store by hand: safe fetches, plain-words errors', () => {
  const store = hostile();
  before(() => new Promise<void>((r) => store.server.listen(0, '127.0.0.1', r)));
  after(() => new Promise<void>((r) => store.server.close(() => r())));

  const add = async (app: Awaited<ReturnType<typeof startTestApp>>, url: string) => {
    const owner = await ownerClient(app);
    return owner.post('/api/stores', {
      connector: 'woocommerce',
      url,
      app_user: 'ecomdir',
      app_password: 'abcd efgh ijkl mnop',
    });
  };

  it('refuses loopback stores when private addresses are not allowed, calling nothing', async () => {
    const app = await startTestApp({ storeFetch: { allowPrivate: false, maxBytes: 1 << 20 } });
    try {
      const before = store.hits;
      for (const url of [store.url(), 'http://169.254.169.254/', 'http://localhost:9/']) {
        const res = await add(app, url);
        assert.equal(res.statusCode, 422, res.body);
        assert.equal(
          res.json<{ error: { code: string } }>().error.code,
          'store_address_not_allowed',
        );
      }
      assert.equal(store.hits, before);
    } finally {
      await app.cleanup();
    }
  });

  it('never echoes the answer beyond a short sanitized excerpt', async () => {
    const app = await startTestApp();
    try {
      const secret = `SECRET-${'x'.repeat(5000)}`;
      store.set((res) => {
        res.writeHead(401, { 'content-type': 'text/html' });
        res.end(`<html><body><pre>${secret}</pre></body></html>`);
      });
      const res = await add(app, store.url());
      assert.equal(res.statusCode, 422);
      const e = res.json<{ error: { code: string; store_answer: string; message: string } }>()
        .error;
      assert.equal(e.code, 'store_credentials_rejected');
      assert.ok(e.store_answer.length <= 201, `${e.store_answer.length} characters echoed`);
      assert.ok(!res.body.includes('<pre>'));
      assert.ok(res.body.length < 1000);
    } finally {
      await app.cleanup();
    }
  });

  it('caps the answer: a huge status page is refused as too large', async () => {
    const app = await startTestApp({ storeFetch: { allowPrivate: true, maxBytes: 1 << 20 } });
    try {
      store.set((res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(256 * 1024, 0x20);
        let n = 0;
        const more = () => {
          while (n++ < 400) if (!res.write(chunk)) return void res.once('drain', more);
          res.end('{}');
        };
        res.on('error', () => undefined);
        more();
      });
      const res = await add(app, store.url());
      assert.equal(res.statusCode, 422);
      assert.equal(res.json<{ error: { code: string } }>().error.code, 'store_answer_too_large');
    } finally {
      await app.cleanup();
    }
  });

  it('names each failure with a stable code', async () => {
    const app = await startTestApp();
    try {
      const cases: [(res: http.ServerResponse) => void, string][] = [
        [(res) => res.writeHead(500).end('boom'), 'store_server_error'],
        [(res) => res.writeHead(200).end('<html>not json</html>'), 'store_not_json'],
        [
          (res) =>
            res
              .writeHead(404, { 'content-type': 'application/json' })
              .end('{"code":"rest_no_route","message":"No route"}'),
          'store_plugin_missing',
        ],
      ];
      for (const [answer, code] of cases) {
        store.set(answer);
        const res = await add(app, store.url());
        assert.equal(res.json<{ error: { code: string } }>().error.code, code, res.body);
      }
      const closed = await add(app, 'http://127.0.0.1:1');
      assert.equal(
        closed.json<{ error: { code: string } }>().error.code,
        'store_connection_refused',
      );
      const unknown = await add(app, 'http://no-such-store.invalid');
      assert.equal(unknown.json<{ error: { code: string } }>().error.code, 'store_name_not_found');
    } finally {
      await app.cleanup();
    }
  });
});
