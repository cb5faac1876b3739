import assert from 'node:assert/strict';
import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type App, buildApp } from '../../http/app.js';
import { type FakeStore, startFakeStore } from '../../../test/support/fake-store.js';
import { assertSameOrders } from '../../../test/support/store-compare.js';
import { ownerClient } from '../../../test/support/test-app.js';
import {
  type TestDatabase,
  createTestDatabase,
  testConfig,
} from '../../../test/support/test-db.js';

const childScript = path.resolve(import.meta.dirname, '../../../test/support/sync-child.ts');

function startServer(config: object): Promise<ChildProcess> {
  const child = fork(childScript, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ECOMDIR_TEST_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
}

async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a server killed in the middle of a sync, then restarted', () => {
  let db: TestDatabase;
  let store: FakeStore;
  let app: App;
  let owner: Awaited<ReturnType<typeof ownerClient>>;
  let storeId = 0;
  before(async () => {
    db = await createTestDatabase();
    store = await startFakeStore({ orders: 1000 });
    store.pageDelayMs = 25;
    app = await buildApp(testConfig(db));
    owner = await ownerClient(app);
    const res = await owner.post('/api/stores', {
      connector: 'woocommerce',
      url: store.url,
      app_password: store.password,
    });
    storeId = res.json<{ id: number }>().id;
  });
  after(async () => {
    await app.close();
    await store.close();
    await db.drop();
  });

  it('loses and duplicates nothing: afterwards ecomdir has exactly the store orders', async () => {
    const count = async () =>
      (
        await app.database.db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('store_id', '=', storeId)
          .executeTakeFirstOrThrow()
      ).n;
    const config = testConfig(db);
    let child = await startServer(config);
    await until('the sync to be half-way', async () => Number(await count()) >= 400);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const atKill = Number(await count());
    assert.ok(atKill < 1000, `killed mid-sync (${atKill} of 1000 stored)`);
    const job = await app.database.db
      .selectFrom('jobs')
      .select(['state', 'locked_by', 'last_error', 'attempts'])
      .where('kind', '=', 'store.sync')
      .executeTakeFirstOrThrow();
    assert.equal(
      job.state,
      'running',
      `the dead server still holds the job (${JSON.stringify(job)})`,
    );
    // While ecomdir is down the shop changes orders already synced, and takes a new one.
    store.modify(5, (o) => (o.status = 'cancelled'));
    store.modify(6, (o) => (o.billing = { ...o.billing, phone: '0799 000 111' }));
    child = await startServer(config);
    await until('the restarted server to finish the sync', async () => {
      const s = await app.database.db
        .selectFrom('stores')
        .select(['last_sync_at', 'last_error'])
        .where('id', '=', storeId)
        .executeTakeFirstOrThrow();
      return s.last_sync_at !== null;
    });
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    const jobs = await app.database.db
      .selectFrom('jobs')
      .select('state')
      .where('kind', '=', 'store.sync')
      .execute();
    assert.deepEqual(
      jobs.map((j) => j.state),
      ['done'],
    );
    await assertSameOrders(app, owner, storeId, store.orders.values());
  });
});
