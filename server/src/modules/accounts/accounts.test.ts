import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { createPacker } from '../../../test/support/factories.js';

describe('accounts: setup, login, sessions', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  before(async () => {
    app = await startTestApp({ loginRateLimit: { max: 3, windowMs: 60_000 } });
  });
  after(() => app.cleanup());

  it('offers the owner setup once, then refuses it', async () => {
    const c = new Client(app);
    assert.deepEqual((await c.get('/api/setup')).json(), { needs_owner: true });
    const res = await c.post('/api/setup', {
      account_name: 'Magazin',
      name: 'Ana',
      email: 'Ana@Example.ro',
      password: 'secret123',
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json<{ user: { role: string; email: string } }>().user.role, 'owner');
    assert.equal(res.json<{ user: { email: string } }>().user.email, 'ana@example.ro');
    const cookie = res.cookies.find((x) => x.name === 'ecomdir_session');
    assert.ok(cookie?.httpOnly, 'session cookie is httpOnly');
    assert.equal(cookie?.sameSite, 'Lax');
    assert.deepEqual((await c.get('/api/setup')).json(), { needs_owner: false });
    const again = await new Client(app).post('/api/setup', {
      account_name: 'X',
      name: 'Y',
      email: 'y@example.ro',
      password: 'secret123',
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<{ error: { code: string } }>().error.code, 'already_set_up');
  });

  it('stores passwords as argon2id hashes', async () => {
    const row = await app.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'ana@example.ro')
      .executeTakeFirstOrThrow();
    assert.match(row.password_hash, /^\$argon2id\$/);
    assert.ok(!row.password_hash.includes('secret123'));
  });

  it('logs in, refuses a wrong password, logs out', async () => {
    const c = new Client(app);
    assert.equal(
      (await c.post('/api/auth/login', { email: 'ana@example.ro', password: 'wrong-one' }))
        .statusCode,
      401,
    );
    assert.equal(
      (await c.post('/api/auth/login', { email: ' ANA@example.ro ', password: 'secret123' }))
        .statusCode,
      200,
    );
    assert.equal((await c.get('/api/auth/me')).statusCode, 200);
    assert.equal((await c.post('/api/auth/logout')).statusCode, 204);
    assert.equal((await c.get('/api/auth/me')).statusCode, 401);
  });

  it('requires the CSRF token on state-changing requests', async () => {
    const c = await ownerClient(app);
    const token = c.csrf;
    c.csrf = '';
    const res = await c.post('/api/packers', { name: 'Ion', username: 'ion-csrf', pin: '123412' });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json<{ error: { code: string } }>().error.code, 'csrf_failed');
    c.csrf = token;
    assert.equal(
      (await c.post('/api/packers', { name: 'Ion', username: 'ion-csrf', pin: '123412' }))
        .statusCode,
      201,
    );
  });

  it('lets packers in with username and PIN, and keeps them out of staff pages', async () => {
    const owner = await ownerClient(app);
    const p = await createPacker(owner, { username: 'Gica.Packer', pin: '432143' });
    assert.equal(p.username, 'gica.packer');
    const station = new Client(app);
    assert.equal(
      (
        await station.post('/api/auth/packer-login', {
          station_code: p.station_code,
          username: 'gica.packer',
          pin: '000000',
        })
      ).statusCode,
      401,
    );
    const ok = await station.post('/api/auth/packer-login', {
      station_code: p.station_code.toUpperCase(),
      username: 'GICA.PACKER',
      pin: '432143',
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.json<{ user: { role: string; packer_id: number } }>().user.packer_id, p.id);
    assert.equal((await station.get('/api/orders')).statusCode, 403);
    // a packer cannot use the owner login form
    assert.equal(
      (await new Client(app).post('/api/auth/login', { email: 'gica.packer', password: '432143' }))
        .statusCode,
      401,
    );
    // deactivation ends the packer's sessions
    assert.equal((await owner.patch(`/api/packers/${p.id}`, { active: false })).statusCode, 200);
    assert.equal((await station.get('/api/auth/me')).statusCode, 401);
    assert.equal(
      (
        await new Client(app).post('/api/auth/packer-login', {
          station_code: p.station_code,
          username: 'gica.packer',
          pin: '432143',
        })
      ).statusCode,
      401,
    );
  });

  it('rate-limits failed logins per e-mail', async () => {
    const c = new Client(app);
    const tries = [];
    for (let i = 0; i < 4; i++)
      tries.push(
        (await c.post('/api/auth/login', { email: 'victim@example.ro', password: `guess-${i}` }))
          .statusCode,
      );
    assert.deepEqual(tries, [401, 401, 401, 429]);
    const res = await c.post('/api/auth/login', {
      email: 'victim@example.ro',
      password: 'another',
    });
    assert.equal(res.json<{ error: { code: string } }>().error.code, 'too_many_attempts');
  });

  it('updates account settings (owner only) and validates them', async () => {
    const c = await ownerClient(app);
    const res = await c.patch('/api/account', { language: 'en', timezone: 'Europe/London' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json<{ language: string }>().language, 'en');
    assert.equal((await c.patch('/api/account', { timezone: 'Mars/Olympus' })).statusCode, 400);
    assert.equal((await c.patch('/api/account', {})).statusCode, 400);
  });

  it('limits failures per client address, which a forged X-Forwarded-For does not change', async () => {
    const own = await startTestApp({ loginRateLimit: { max: 2, windowMs: 60_000 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 11; i++) {
        const res = await own.http.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'x-forwarded-for': `10.0.0.${i}` },
          payload: { email: `someone${i}@example.ro`, password: 'guess' },
        });
        codes.push(res.statusCode);
      }
      // Two per e-mail, ten per address (five times the per-identifier limit).
      assert.deepEqual(codes, [...Array<number>(10).fill(401), 429]);
    } finally {
      await own.cleanup();
    }
  });
});
