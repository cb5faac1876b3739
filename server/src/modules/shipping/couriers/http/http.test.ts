import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  expectRequest,
  type FixtureServer,
  startCourierFixtures,
} from '../../../../../test/support/courier-fixtures.js';
import { CourierHttp, CourierUnreachable } from './courier-http.js';
import { phpFormPairs } from './php-form.js';
import { CourierSessions, type LoginResult } from './sessions.js';

describe('courier HTTP', () => {
  let fx: FixtureServer;
  beforeEach(async () => {
    fx = await startCourierFixtures();
  });
  afterEach(() => fx.close());

  it('sends query arrays, JSON, forms and multipart as the fixture expects', async () => {
    const http = new CourierHttp({ courier: 't', baseUrl: `${fx.url}/api`, timeoutMs: 2000 });
    fx.serve(
      { request: { method: 'GET', path: '/api/track' }, response: { json: { a: 1 } } },
      { request: { method: 'POST', path: '/api/awb' }, response: { status: 201, text: 'made' } },
      { request: { method: 'POST', path: '/api/login' }, response: { json: {} } },
      { request: { method: 'POST', path: '/api/json' }, response: { text: 'not json' } },
    );
    const a = await http.send({
      method: 'GET',
      path: 'track',
      query: { 'awb[]': ['1', '2'], c: 7 },
    });
    assert.deepEqual(a.json(), { a: 1 });
    expectRequest(fx.requests[0], {
      method: 'GET',
      path: '/api/track',
      query: { 'awb[]': ['1', '2'], c: '7' },
      headers: { accept: 'application/json' },
    });
    const b = await http.send({
      method: 'POST',
      path: '/awb',
      form: phpFormPairs({ r: { name: 'Ana' }, parcels: [{ weight: 1.5 }], cod: true, x: null }),
    });
    assert.deepEqual([b.status, b.text()], [201, 'made']);
    expectRequest(fx.requests[1], {
      method: 'POST',
      path: '/api/awb',
      form: [
        ['r[name]', 'Ana'],
        ['parcels[0][weight]', '1.5'],
        ['cod', '1'],
      ],
    });
    await http.send({ method: 'POST', path: 'login', multipart: { username: 'u', password: 'p' } });
    expectRequest(fx.requests[2], {
      method: 'POST',
      path: '/api/login',
      multipart: { username: 'u', password: 'p' },
    });
    const d = await http.send({ method: 'POST', path: 'json', json: { ș: 'ț' } });
    assert.equal(d.json(), undefined);
    expectRequest(fx.requests[3], { method: 'POST', path: '/api/json', json: { ș: 'ț' } });
  });

  it('a courier that does not answer in time is unreachable, not a business refusal', async () => {
    const http = new CourierHttp({
      courier: 'slow',
      baseUrl: 'http://127.0.0.1:9',
      timeoutMs: 500,
    });
    await assert.rejects(http.send({ method: 'GET', path: 'x' }), CourierUnreachable);
  });
});

describe('courier sessions', () => {
  const ok = (token: string): LoginResult => ({ ok: true, token, expiresAt: now + 3_600_000 });
  let now = 1_000_000;

  it('logs in once for concurrent calls and reuses the token until it nearly expires', async () => {
    const s = new CourierSessions(() => now);
    let logins = 0;
    const login = async () => ok(`t${++logins}`);
    const calls = await Promise.all(
      [1, 2, 3].map(() =>
        s.withToken(
          'k',
          login,
          async (t) => t,
          () => false,
        ),
      ),
    );
    assert.deepEqual(
      calls.map((c) => c.ok && c.value),
      ['t1', 't1', 't1'],
    );
    now += 3_600_000 - 30_000; // inside the minute before expiry: renewed
    const later = await s.withToken(
      'k',
      login,
      async (t) => t,
      () => false,
    );
    assert.equal(later.ok && later.value, 't2');
  });

  it('a refused token gets exactly one new login and one retry, never a loop', async () => {
    const s = new CourierSessions(() => now);
    let logins = 0;
    const seen: string[] = [];
    const r = await s.withToken(
      'k2',
      async () => ok(`t${++logins}`),
      async (t) => (seen.push(t), 401),
      (status) => status === 401,
    );
    assert.deepEqual(seen, ['t1', 't2']);
    assert.deepEqual(r, {
      ok: false,
      retryable: false,
      messages: [{ code: 'token_refused', text: '' }],
    });
  });

  it('a refused login is not tried again with the same credentials for a while', async () => {
    const s = new CourierSessions(() => now);
    let logins = 0;
    const login = async (): Promise<LoginResult> => (
      logins++,
      { ok: false, messages: [{ code: 'login', text: 'bad password' }] }
    );
    for (let i = 0; i < 5; i++) {
      const r = await s.withToken(
        'k3',
        login,
        async () => 200,
        () => false,
      );
      assert.deepEqual(r, {
        ok: false,
        retryable: false,
        messages: [{ code: 'login', text: 'bad password' }],
      });
    }
    assert.equal(logins, 1);
    now += 16 * 60_000;
    await s.withToken(
      'k3',
      login,
      async () => 200,
      () => false,
    );
    assert.equal(logins, 2);
    const other = CourierSessions.keyOf('u', { password: 'new' });
    assert.notEqual(other, CourierSessions.keyOf('u', { password: 'old' }));
  });
});
