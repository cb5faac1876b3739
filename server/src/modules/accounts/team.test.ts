import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { createPacker, stationCodeOf } from '../../../test/support/factories.js';

type App = Awaited<ReturnType<typeof startTestApp>>;
const code = (r: { json<T>(): T }) => r.json<{ error: { code: string } }>().error.code;

async function managerClient(app: App, owner: Client, email: string, password = 'manager-pass') {
  const created = await owner.post('/api/users', { name: 'Mara', email, password });
  assert.equal(created.statusCode, 201);
  const c = new Client(app);
  assert.equal((await c.post('/api/auth/login', { email, password })).statusCode, 200);
  return Object.assign(c, { id: created.json<{ id: number }>().id });
}

describe('team: remove users, passwords, sessions, ownership, PIN policy', () => {
  let app: App;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.cleanup());

  it('the owner removes a manager: its sessions end at once and it cannot log in', async () => {
    const owner = await ownerClient(app);
    const m = await managerClient(app, owner, 'mara@example.ro');
    assert.equal((await m.get('/api/orders')).statusCode, 200);
    assert.equal((await m.request('DELETE', `/api/users/${m.id}`)).statusCode, 403);
    assert.equal((await owner.request('DELETE', `/api/users/${m.id}`)).statusCode, 204);
    assert.equal((await m.get('/api/orders')).statusCode, 401);
    const again = await new Client(app).post('/api/auth/login', {
      email: 'mara@example.ro',
      password: 'manager-pass',
    });
    assert.equal(again.statusCode, 401);
    const staff = (await owner.get('/api/users')).json<{ items: { id: number }[] }>().items;
    assert.ok(!staff.some((u) => u.id === m.id));
    // another account's owner cannot remove this account's users
    const other = await ownerClient(app, 'Alt magazin');
    const m2 = await managerClient(app, owner, 'mara2@example.ro');
    assert.equal((await other.request('DELETE', `/api/users/${m2.id}`)).statusCode, 404);
    assert.equal((await m2.get('/api/orders')).statusCode, 200);
  });

  it('the owner removes a packer: the station session ends at once', async () => {
    const owner = await ownerClient(app);
    const p = await createPacker(owner, { username: 'rm-packer', pin: '246810' });
    const station = new Client(app);
    await station.post('/api/auth/packer-login', {
      station_code: p.station_code,
      username: 'rm-packer',
      pin: '246810',
    });
    assert.equal((await station.get('/api/auth/me')).statusCode, 200);
    const me = (await station.get('/api/auth/me')).json<{ user: { id: number } }>().user;
    assert.equal((await owner.request('DELETE', `/api/users/${me.id}`)).statusCode, 204);
    assert.equal((await station.get('/api/auth/me')).statusCode, 401);
    assert.equal(
      (await owner.get(`/api/packers/${p.id}`)).json<{ active: boolean }>().active,
      false,
    );
  });

  it('a user changes their password: other sessions end, this one stays', async () => {
    const owner = await ownerClient(app);
    const other = new Client(app);
    await other.post('/api/auth/login', { email: owner.email, password: 'correct horse' });
    const sessions = await owner.get('/api/auth/sessions');
    assert.equal(sessions.json<{ items: unknown[] }>().items.length, 2);
    const wrong = await owner.post('/api/auth/password', {
      current_password: 'nope',
      new_password: 'battery staple',
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(code(wrong), 'wrong_password');
    const ok = await owner.post('/api/auth/password', {
      current_password: 'correct horse',
      new_password: 'battery staple',
    });
    assert.equal(ok.statusCode, 204);
    assert.equal((await owner.get('/api/auth/me')).statusCode, 200);
    assert.equal((await other.get('/api/auth/me')).statusCode, 401);
    const login = (password: string) =>
      new Client(app).post('/api/auth/login', { email: owner.email, password });
    assert.equal((await login('correct horse')).statusCode, 401);
    assert.equal((await login('battery staple')).statusCode, 200);
  });

  it("a user sees and ends their own sessions, not another user's", async () => {
    const owner = await ownerClient(app);
    const second = new Client(app);
    await second.post('/api/auth/login', { email: owner.email, password: 'correct horse' });
    const items = (await owner.get('/api/auth/sessions')).json<{
      items: { id: string; current: boolean }[];
    }>().items;
    const mine = items.find((s) => s.current);
    const theirs = items.find((s) => !s.current);
    assert.ok(mine && theirs);
    const stranger = await ownerClient(app);
    assert.equal(
      (await stranger.request('DELETE', `/api/auth/sessions/${theirs.id}`)).statusCode,
      404,
    );
    assert.equal((await second.get('/api/auth/me')).statusCode, 200);
    assert.equal(
      (await owner.request('DELETE', `/api/auth/sessions/${theirs.id}`)).statusCode,
      204,
    );
    assert.equal((await second.get('/api/auth/me')).statusCode, 401);
    assert.equal((await owner.get('/api/auth/me')).statusCode, 200);
  });

  it('the owner transfers ownership to a manager and becomes a manager', async () => {
    const owner = await ownerClient(app);
    const m = await managerClient(app, owner, 'next-owner@example.ro');
    const bad = await owner.post('/api/account/transfer-ownership', {
      user_id: m.id,
      password: 'wrong',
    });
    assert.equal(bad.statusCode, 401);
    const ok = await owner.post('/api/account/transfer-ownership', {
      user_id: m.id,
      password: 'correct horse',
    });
    assert.equal(ok.statusCode, 204);
    const role = async (c: Client) =>
      (await c.get('/api/auth/me')).json<{ user: { role: string } }>().user.role;
    assert.equal(await role(m), 'owner');
    assert.equal(await role(owner), 'manager');
    assert.equal((await owner.patch('/api/account', { name: 'X' })).statusCode, 403);
    assert.equal((await m.patch('/api/account', { name: 'Nou' })).statusCode, 200);
  });

  it("new PINs need 6 digits unless the owner allows short PINs with the shop's networks", async () => {
    const owner = await ownerClient(app);
    const short = await owner.post('/api/packers', {
      name: 'S',
      username: 'short-pin',
      pin: '1234',
    });
    assert.equal(short.statusCode, 400);
    assert.equal(code(short), 'pin_too_short');
    const noNet = await owner.request('PUT', '/api/account/pin-policy', {
      short_pins: true,
      station_networks: [],
    });
    assert.equal(code(noNet), 'station_networks_required');
    const bad = await owner.request('PUT', '/api/account/pin-policy', {
      short_pins: true,
      station_networks: ['not-an-ip'],
    });
    assert.equal(bad.statusCode, 400);
    const set = await owner.request('PUT', '/api/account/pin-policy', {
      short_pins: true,
      station_networks: ['192.168.7.0/24'],
    });
    assert.equal(set.statusCode, 200);
    assert.equal(
      (await owner.post('/api/packers', { name: 'S', username: 'short-pin', pin: '1234' }))
        .statusCode,
      201,
    );
    const stationCode = await stationCodeOf(owner);
    const from = (ip: string) =>
      app.http.inject({
        method: 'POST',
        url: '/api/auth/packer-login',
        remoteAddress: ip,
        payload: { station_code: stationCode, username: 'short-pin', pin: '1234' },
      });
    const outside = await from('198.51.100.1');
    assert.equal(outside.statusCode, 403);
    assert.equal(code(outside), 'station_address_not_allowed');
    assert.equal((await from('192.168.7.33')).statusCode, 200);
  });

  it("a packer's allowed stores must be the account's own", async () => {
    const a = await ownerClient(app);
    const b = await ownerClient(app);
    const now = Date.now();
    const store = await app.database.db
      .insertInto('stores')
      .values({
        account_id: b.accountId,
        name: 'B',
        platform: 'woocommerce',
        url: 'https://b.example',
        status: 'connected',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const p = await createPacker(a);
    const res = await a.patch(`/api/packers/${p.id}`, { allowed_store_ids: [Number(store.id)] });
    assert.equal(res.statusCode, 404);
    const created = await a.post('/api/packers', {
      name: 'Z',
      username: 'z-stores',
      pin: '123456',
      allowed_store_ids: [Number(store.id)],
    });
    assert.equal(created.statusCode, 404);
    // The account's own stores are accepted, alone or with none at all.
    const own = await app.database.db
      .insertInto('stores')
      .values({
        account_id: a.accountId,
        name: 'A',
        platform: 'woocommerce',
        url: 'https://a.example',
        status: 'connected',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mine = await a.patch(`/api/packers/${p.id}`, { allowed_store_ids: [Number(own.id)] });
    assert.equal(mine.statusCode, 200, mine.body);
    assert.deepEqual(mine.json<{ allowed_store_ids: number[] }>().allowed_store_ids, [
      Number(own.id),
    ]);
    const mixed = await a.patch(`/api/packers/${p.id}`, {
      allowed_store_ids: [Number(own.id), Number(store.id)],
    });
    assert.equal(mixed.statusCode, 404, 'one store of another account refuses the whole list');
    const none = await a.patch(`/api/packers/${p.id}`, { allowed_store_ids: [] });
    assert.deepEqual(none.json<{ allowed_store_ids: number[] }>().allowed_store_ids, []);
  });
});
