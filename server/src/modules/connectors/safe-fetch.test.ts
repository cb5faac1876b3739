import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { StoreUnreachable } from './connector.js';
import { httpRequest, snippet } from './http.js';
import type { FetchPolicy } from './safe-fetch.js';

const MB = 1024 * 1024;
const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (err) {
    assert.ok(err instanceof StoreUnreachable, String(err));
    return err.code;
  }
};

describe('safe store fetches', () => {
  let hits = 0;
  let base = '';
  const server = http.createServer((req, res) => {
    hits += 1;
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/big') {
      // 3 MB streamed in 64 KB pieces, no content-length: the cap must cut it off.
      res.writeHead(200, { 'content-type': 'application/json' });
      const piece = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const more = () => {
        while (sent < 3 * MB) {
          sent += piece.length;
          if (!res.write(piece)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
      return;
    }
    if (u.pathname === '/declared-big') {
      res.writeHead(200, { 'content-length': String(5 * MB) });
      res.end();
      return;
    }
    if (u.pathname === '/redirect') {
      res.writeHead(302, { location: u.searchParams.get('to') ?? '/' });
      res.end();
      return;
    }
    if (u.pathname === '/echo-auth') {
      res.end(JSON.stringify({ auth: req.headers.authorization ?? null }));
      return;
    }
    res.end('{"ok":true}');
  });
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  const get = (url: string, fetch: FetchPolicy, headers: Record<string, string> = {}) =>
    httpRequest(url, { method: 'GET', headers, timeoutMs: 3000, fetch });

  it('refuses loopback and private addresses unless allowed, without connecting', async () => {
    const strict: FetchPolicy = { allowPrivate: false, maxBytes: MB };
    hits = 0;
    assert.equal(await codeOf(get(`${base}/`, strict)), 'address_not_allowed');
    assert.equal(
      await codeOf(get(base.replace('127.0.0.1', 'localhost') + '/', strict)),
      'address_not_allowed',
    );
    assert.equal(await codeOf(get('http://[::1]:9/', strict)), 'address_not_allowed');
    assert.equal(
      await codeOf(get('http://169.254.169.254/latest/meta-data/', strict)),
      'address_not_allowed',
    );
    assert.equal(await codeOf(get('http://10.0.0.1:9/', strict)), 'address_not_allowed');
    assert.equal(hits, 0, 'no request reached the local server');
    assert.equal(await codeOf(get(`${base}/`, { allowPrivate: true, maxBytes: MB })), 'ok');
    assert.equal(
      await codeOf(get(`${base}/`, { allowPrivate: ['127.0.0.1'], maxBytes: MB })),
      'ok',
    );
  });

  it('only http and https', async () => {
    const open: FetchPolicy = { allowPrivate: true, maxBytes: MB };
    for (const url of [
      'data:application/json,{}',
      'file:///etc/passwd',
      'ftp://127.0.0.1/',
      'gopher://x/',
    ])
      assert.equal(await codeOf(get(url, open)), 'address_not_allowed', url);
  });

  it('checks every redirect the same way and drops the credential off the origin', async () => {
    const only127: FetchPolicy = { allowPrivate: ['127.0.0.1'], maxBytes: MB };
    const port = (server.address() as AddressInfo).port;
    hits = 0;
    const toOther = `${base}/redirect?to=${encodeURIComponent(`http://127.0.0.2:${port}/`)}`;
    assert.equal(await codeOf(get(toOther, only127)), 'address_not_allowed');
    assert.equal(hits, 1, 'the redirect target was never asked');
    const toData = `${base}/redirect?to=${encodeURIComponent('data:,x')}`;
    assert.equal(await codeOf(get(toData, only127)), 'address_not_allowed');
    const open: FetchPolicy = { allowPrivate: true, maxBytes: MB };
    const same = await get(`${base}/redirect?to=/echo-auth`, open, { authorization: 'Basic x' });
    assert.deepEqual(JSON.parse(same.body), { auth: 'Basic x' });
    const other = `${base}/redirect?to=${encodeURIComponent(`http://localhost:${port}/echo-auth`)}`;
    const moved = await get(other, open, { authorization: 'Basic x' });
    assert.deepEqual(JSON.parse(moved.body), { auth: null });
  });

  it('caps the answer, streamed or declared', async () => {
    const small: FetchPolicy = { allowPrivate: true, maxBytes: MB };
    const rss = process.memoryUsage().rss;
    assert.equal(await codeOf(get(`${base}/big`, small)), 'too_large');
    assert.equal(await codeOf(get(`${base}/declared-big`, small)), 'too_large');
    assert.ok(process.memoryUsage().rss - rss < 64 * MB);
    assert.equal(await codeOf(get(`${base}/big`, { allowPrivate: true, maxBytes: 4 * MB })), 'ok');
  });

  it('says the same for a closed port as for a refused connection, and names unknown hosts', async () => {
    const open: FetchPolicy = { allowPrivate: true, maxBytes: MB };
    assert.equal(await codeOf(get('http://127.0.0.1:1/', open)), 'connection_refused');
    assert.equal(await codeOf(get('http://no-such-store.invalid/', open)), 'name_not_found');
  });

  it('excerpts are short and sanitized', () => {
    const s = snippet(`<html><script>alert(1)</script>${'a'.repeat(1000)}\u0000\u001b[31m</html>`);
    assert.ok(s.length <= 201);
    assert.ok(!s.includes('<') && !s.includes('\u0000') && !s.includes('\u001b'));
  });
});
