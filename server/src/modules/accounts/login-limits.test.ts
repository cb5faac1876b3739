import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { createPacker } from '../../../test/support/factories.js';
import { secretChecks } from './passwords.js';

const MAX = 5;

/** Fires `n` requests at once (inject runs them concurrently, as separate clients would). */
async function burst(
  app: Awaited<ReturnType<typeof startTestApp>>,
  n: number,
  make: (i: number) => { url: string; payload: object; ip?: string },
): Promise<number[]> {
  const res = await Promise.all(
    Array.from({ length: n }, (_, i) => {
      const r = make(i);
      return app.http.inject({
        method: 'POST',
        url: r.url,
        payload: r.payload,
        ...(r.ip && { remoteAddress: r.ip }),
      });
    }),
  );
  return res.map((r) => r.statusCode);
}

describe('login limits hold under concurrency', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client & { email: string };
  before(async () => {
    app = await startTestApp({ loginRateLimit: { max: MAX, windowMs: 60_000 } });
    owner = await ownerClient(app);
  });
  after(() => app.cleanup());

  it('200 concurrent wrong passwords: at most the limit reach the password check', async () => {
    const before = secretChecks.count;
    const codes = await burst(app, 200, (i) => ({
      url: '/api/auth/login',
      payload: { email: owner.email, password: `wrong-${i}` },
      ip: '198.51.100.7',
    }));
    const checked = secretChecks.count - before;
    assert.ok(checked <= MAX, `${checked} passwords were checked, limit ${MAX}`);
    assert.equal(codes.filter((c) => c === 401).length, checked);
    assert.equal(codes.filter((c) => c === 429).length, 200 - checked);
  });

  it('the right password from another address still logs in; the attacker stays slowed', async () => {
    const res = await new Client(app).request(
      'POST',
      '/api/auth/login',
      { email: owner.email, password: 'correct horse' },
      {},
    );
    // inject's default address differs from the attacker's 198.51.100.7
    assert.equal(res.statusCode, 200);
    const attacker = await app.http.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '198.51.100.7',
      payload: { email: owner.email, password: 'correct horse' },
    });
    assert.equal(attacker.statusCode, 429);
  });

  it('connect attempts do not lock the login, and use the same limits', async () => {
    const before = secretChecks.count;
    const codes = await burst(app, 200, (i) => ({
      url: i % 2 ? '/api/connect' : '/api/connect.php',
      payload: {
        email: owner.email,
        password: `wrong-${i}`,
        app_user: 'ecomdir',
        app_password: 'x',
        store_url: 'http://127.0.0.1:9/',
        platform: 'woocommerce',
        plugin_version: '1.0.0',
      },
      ip: '203.0.113.9',
    }));
    const checked = secretChecks.count - before;
    assert.ok(checked <= MAX, `${checked} connect passwords were checked, limit ${MAX}`);
    assert.ok(codes.every((c) => c === 401 || c === 429));
    const login = await app.http.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '203.0.113.9',
      payload: { email: owner.email, password: 'correct horse' },
    });
    assert.equal(login.statusCode, 200, 'the login at the same address is not locked by connects');
  });

  it('200 concurrent wrong PINs: at most the limit are checked, then the packer is locked', async () => {
    const p = await createPacker(owner, { username: 'ioana-limits', pin: '482915' });
    const before = secretChecks.count;
    // From many addresses, so only the packer's own count stops them.
    const codes = await burst(app, 200, (i) => ({
      url: '/api/auth/packer-login',
      payload: { station_code: p.station_code, username: 'ioana-limits', pin: String(100000 + i) },
      ip: `10.1.${Math.floor(i / 4)}.${i % 4}`,
    }));
    const checked = secretChecks.count - before;
    assert.ok(checked <= MAX, `${checked} PINs were checked, limit ${MAX}`);
    assert.equal(codes.filter((c) => c === 401).length, checked);
    // The right PIN no longer opens it: locked until a manager unlocks.
    const right = await new Client(app).post('/api/auth/packer-login', {
      station_code: p.station_code,
      username: 'ioana-limits',
      pin: '482915',
    });
    assert.equal(right.statusCode, 403);
    assert.equal(right.json<{ error: { code: string } }>().error.code, 'pin_locked');
    const listed = await owner.get(`/api/packers/${p.id}`);
    assert.equal(listed.json<{ locked: boolean }>().locked, true);
    assert.equal((await owner.post(`/api/packers/${p.id}/unlock`)).statusCode, 200);
    const again = await new Client(app).post('/api/auth/packer-login', {
      station_code: p.station_code,
      username: 'ioana-limits',
      pin: '482915',
    });
    assert.equal(again.statusCode, 200);
  });

  it('200 concurrent wrong PINs from one address for unknown packers cost at most the limits', async () => {
    const before = secretChecks.count;
    await burst(app, 200, (i) => ({
      url: '/api/auth/packer-login',
      payload: { station_code: 'nowhere', username: `nobody-${i % 3}`, pin: String(100000 + i) },
      ip: '192.0.2.44',
    }));
    const checked = secretChecks.count - before;
    assert.ok(checked <= 3 * MAX, `${checked} PINs were checked`);
  });

  it('the owner sees recent failed attempts', async () => {
    const res = await owner.get('/api/account/login-failures');
    assert.equal(res.statusCode, 200);
    const items = res.json<{ items: { kind: string; ip: string; user_name: string }[] }>().items;
    assert.ok(items.some((f) => f.kind === 'password' && f.ip === '198.51.100.7'));
    assert.ok(items.some((f) => f.kind === 'pin'));
    assert.ok(items.some((f) => f.kind === 'connect'));
  });
});
