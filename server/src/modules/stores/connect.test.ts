import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type App, buildApp } from '../../http/app.js';
import { type FakeStore, startFakeStore } from '../../../test/support/fake-store.js';
import {
  type TestDatabase,
  createTestDatabase,
  testConfig,
} from '../../../test/support/test-db.js';

const OWNER_PASSWORD = 'owner-secret-Zq81';

describe('connect handshake (POST /api/connect)', () => {
  let db: TestDatabase;
  let app: App;
  let store: FakeStore;
  const log: string[] = [];
  const connect = (body: Record<string, unknown>, url = '/api/connect') =>
    app.http.inject({ method: 'POST', url, payload: body });
  const good = () => ({
    email: 'ana@magazin.ro',
    password: OWNER_PASSWORD,
    app_user: store.user,
    app_password: store.password,
    store_url: store.url,
    platform: 'woocommerce',
    plugin_version: '1.0.0',
  });

  before(async () => {
    db = await createTestDatabase();
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        log.push(chunk.toString());
        done();
      },
    });
    app = await buildApp(testConfig(db, { logLevel: 'trace' }), { logStream: sink });
    store = await startFakeStore({ orders: 3, password: 'Wxyz 1234 abcd EFGH ijkl MNOP' });
    for (const [name, email] of [
      ['Magazin', 'ana@magazin.ro'],
      ['Altul', 'ion@altul.ro'],
    ] as const) {
      await app.services.accounts.createAccountWithOwner({
        accountName: name,
        name,
        email,
        password: OWNER_PASSWORD,
        onlyIfFirst: false,
      });
    }
  });
  after(async () => {
    await store.close();
    await app.close();
    await db.drop();
  });

  it('connects: checks the owner, calls the store back, stores it, queues its first sync', async () => {
    const res = await connect(good());
    assert.equal(res.statusCode, 200, res.body);
    const { store_id, status } = res.json<{ store_id: number; status: string }>();
    assert.equal(status, 'connected');
    assert.ok(
      store.requests.some((r) => r.path === '/wp-json/ecomdir/v1/status'),
      'the store was called back',
    );
    const row = await app.database.db
      .selectFrom('stores')
      .selectAll()
      .where('id', '=', store_id)
      .executeTakeFirstOrThrow();
    assert.match(row.credentials ?? '', /^v1\.[0-9a-f]{8}\./);
    const jobs = await app.database.db
      .selectFrom('jobs')
      .select(['kind', 'payload'])
      .where('state', '=', 'queued')
      .execute();
    assert.deepEqual(jobs, [{ kind: 'store.sync', payload: JSON.stringify({ store_id }) }]);
    // Connecting again (the published plugin's path) updates the same store.
    const again = await connect({ ...good(), store_url: `${store.url}/` }, '/api/connect.php');
    assert.equal(again.json<{ store_id: number }>().store_id, store_id);
    assert.equal(
      (
        await app.database.db
          .selectFrom('jobs')
          .select('id')
          .where('state', '=', 'queued')
          .execute()
      ).length,
      1,
      'one pending sync, not two',
    );
  });

  it('applies the first-sync window chosen on the plugin Connect page (first_sync_days)', async () => {
    const firstSyncDays = async () =>
      (
        await app.database.db
          .selectFrom('stores')
          .select('first_sync_days')
          .where('url', 'like', `${store.url}%`)
          .executeTakeFirstOrThrow()
      ).first_sync_days;
    for (const bad of [0, -1, 3651, 1.5, '30']) {
      const res = await connect({ ...good(), first_sync_days: bad });
      assert.equal(res.statusCode, 400, `first_sync_days ${JSON.stringify(bad)}`);
      assert.equal(res.json<{ error: { code: string } }>().error.code, 'invalid_request');
    }
    const res = await connect({ ...good(), first_sync_days: 90 });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(await firstSyncDays(), 90);
  });

  it('refuses wrong owner credentials with 401', async () => {
    const res = await connect({ ...good(), password: 'not-it' });
    assert.equal(res.statusCode, 401);
  });

  it('answers 422 with the store own answer when the store refuses the application password', async () => {
    const res = await connect({ ...good(), app_password: 'wrong pass word' });
    assert.equal(res.statusCode, 422);
    const e = res.json<{ error: { code: string; store_status: number; store_answer: string } }>()
      .error;
    assert.equal(e.code, 'store_unreachable');
    assert.equal(e.store_status, 401);
    assert.match(e.store_answer, /rest_not_logged_in/);
  });

  it('answers 422 when the store cannot be reached', async () => {
    const res = await connect({ ...good(), store_url: 'http://127.0.0.1:9/' });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json<{ error: { code: string } }>().error.code, 'store_unreachable');
    assert.equal(
      res.json<{ error: { reason: string } }>().error.reason,
      'store_connection_refused',
    );
  });

  it('answers 409 when the store belongs to another account, only to who holds its credentials', async () => {
    // The same store under another spelling (trailing slash): one store, one key.
    const probe = await connect({
      ...good(),
      email: 'ion@altul.ro',
      app_password: 'not the store password',
      store_url: `${store.url}/`,
    });
    assert.equal(probe.statusCode, 422, 'a prober without the credentials learns nothing');
    assert.equal(
      probe.json<{ error: { reason: string } }>().error.reason,
      'store_credentials_rejected',
    );
    const res = await connect({ ...good(), email: 'ion@altul.ro', store_url: `${store.url}/` });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json<{ error: { code: string } }>().error.code, 'store_taken');
  });

  it('never keeps a password in the database or the log; the key file is private', async () => {
    const secrets = [
      store.password,
      store.password.replace(/\s+/g, ''),
      OWNER_PASSWORD,
      'wrong pass word',
      Buffer.from(`${store.user}:${store.password.replace(/\s+/g, '')}`).toString('base64'),
    ];
    const tables = ['stores', 'jobs', 'audit_events', 'users', 'sessions', 'accounts'];
    for (const t of tables) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(
        app.database.db,
      );
      const text = JSON.stringify(rows.rows);
      for (const s of secrets) assert.ok(!text.includes(s), `${t} does not hold a secret`);
    }
    const all = log.join('');
    assert.ok(all.includes('/api/connect'), 'the log did record the requests');
    for (const s of secrets) assert.ok(!all.includes(s), 'the log does not hold a secret');
    if (process.platform !== 'win32') {
      assert.equal(fs.statSync(path.join(db.dataDir, 'master.key')).mode & 0o777, 0o600);
    }
  });

  it('rate-limits connect attempts per address', async () => {
    const other = await createTestDatabase();
    const limited = await buildApp(
      testConfig(other, { loginRateLimit: { max: 2, windowMs: 60_000 } }),
    );
    try {
      const codes: number[] = [];
      for (let i = 0; i < 8; i++)
        codes.push(
          (
            await limited.http.inject({
              method: 'POST',
              url: '/api/connect',
              payload: { ...good(), password: `guess-${i}` },
            })
          ).statusCode,
        );
      assert.ok(codes.includes(429), `some attempts are refused (${codes.join(',')})`);
    } finally {
      await limited.close();
      await other.drop();
    }
  });
});
