import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { type App, buildApp } from '../src/http/app.js';
import { createOrder, phoneOrder } from './support/factories.js';
import { routeKey, listApiRoutes, tableCounts } from './support/routes.js';
import { Client, ownerClient } from './support/test-app.js';
import {
  TEST_DIALECT,
  type TestDatabase,
  createTestDatabase,
  testConfig,
} from './support/test-db.js';

const code = (r: { json<T>(): T }) => r.json<{ error: { code: string } }>().error.code;

/**
 * The API's edge: texts the databases cannot store are refused with 400 on both dialects,
 * searches never fail on FTS5 syntax, every answer carries the security headers, the request
 * log keeps no query values, and SQLite's files are private.
 */
describe('edge safety', () => {
  let db: TestDatabase;
  let app: App;
  let owner: Client;
  const log: string[] = [];

  before(async () => {
    db = await createTestDatabase();
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        log.push(chunk.toString());
        done();
      },
    });
    // Request lines are written at debug.
    app = await buildApp(testConfig(db, { logLevel: 'debug' }), { logStream: sink });
    owner = await ownerClient(app);
    await createOrder(owner, {
      billing: { ...(phoneOrder().billing as object), last_name: 'Vasilescu' },
    });
  });
  after(async () => {
    await app.close();
    await db.drop();
  });

  it('refuses NUL and broken Unicode in bodies, queries and paths with 400, storing nothing', async () => {
    const before = await tableCounts(app);
    const bad = [
      () => owner.post('/api/orders', phoneOrder({ customer_note: 'a\u0000b' })),
      () =>
        owner.post('/api/orders', {
          ...phoneOrder(),
          billing: { ...(phoneOrder().billing as object), first_name: 'Ana\u0000' },
        }),
      () => owner.post('/api/orders', phoneOrder({ customer_note: 'half \ud83d pair' })),
      () => owner.get('/api/orders?q=%00abc'),
      () => owner.get('/api/orders?q=abc%00'),
      () => owner.patch('/api/account', { name: 'Magazin\u0000' }),
      () => owner.post('/api/packers', { name: 'Ion', username: 'ion-nul', pin: '123456\u0000' }),
      () => new Client(app).post('/api/auth/login', { email: 'a\u0000@b.ro', password: 'x' }),
    ];
    for (const send of bad) {
      const res = await send();
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(code(res), 'invalid_characters', res.body);
    }
    assert.deepEqual(await tableCounts(app), before);
    // A whole emoji (a valid pair) is fine.
    assert.equal(
      (await owner.post('/api/orders', phoneOrder({ customer_note: 'ok 📦' }))).statusCode,
      201,
    );
  });

  it('every route with a body or query refuses NUL (checked once, at the edge)', async () => {
    for (const r of await listApiRoutes(app)) {
      if (!r.hasBody && r.queryParams.length === 0) continue;
      const url = r.path.replace(/\{[^}]+\}/g, '1');
      const res = r.hasBody
        ? await owner.request(r.method, url, { x: '\u0000' })
        : await owner.request('GET', `${url}?${r.queryParams[0]}=%00`);
      assert.equal(res.statusCode, 400, `${routeKey(r)} → ${res.statusCode}`);
    }
  });

  it('searches with FTS5 syntax characters never fail', async () => {
    for (const q of [
      '"',
      '""abc',
      'abc*',
      'NEAR(a b)',
      'a OR b',
      '-abc',
      '^abc',
      'col:abc',
      '(((',
      "'; DROP",
      'vas"ilescu',
      '%',
      '_',
      '\\',
    ]) {
      const res = await owner.get(`/api/orders?q=${encodeURIComponent(q)}`);
      assert.equal(res.statusCode, 200, `${q} → ${res.body}`);
    }
    const hit = await owner.get('/api/orders?q=vasilescu');
    assert.equal(hit.json<{ items: unknown[] }>().items.length, 1);
  });

  it('puts the security headers on every answer', async () => {
    for (const res of [
      await owner.get('/api/orders'),
      await new Client(app).get('/api/orders'),
      await owner.get('/api/nowhere'),
      await owner.get('/api/health'),
    ]) {
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['x-frame-options'], 'DENY');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
      assert.match(String(res.headers['content-security-policy']), /script-src 'self'(;|$)/);
    }
  });

  it('logs requests without their query values', async () => {
    await owner.get('/api/orders?q=Vasilescu%200722');
    const all = log.join('');
    assert.match(all, /\/api\/orders\?q=~/);
    assert.ok(!/vasilescu/i.test(all), 'a searched name reached the log');
    assert.ok(!all.includes('0722'), 'a searched phone reached the log');
  });

  it(
    'keeps the data folder and the SQLite and key files private',
    { skip: TEST_DIALECT !== 'sqlite' && 'SQLite files only' },
    () => {
      if (db.database.kind !== 'sqlite') return;
      const mode = (p: string) => fs.statSync(p).mode & 0o777;
      assert.equal(mode(db.dataDir), 0o700);
      assert.equal(mode(db.database.file), 0o600);
      assert.equal(mode(path.join(db.dataDir, 'master.key')), 0o600);
      for (const side of ['-wal', '-shm'])
        if (fs.existsSync(db.database.file + side))
          assert.equal(mode(db.database.file + side), 0o600);
    },
  );
});
