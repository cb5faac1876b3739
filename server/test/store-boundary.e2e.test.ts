import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { UnifiedOrder } from '../src/modules/connectors/unified-order.js';
import { type App, buildApp } from '../src/http/app.js';
import { connectStoredStore, createPacker } from './support/factories.js';
import { assertSameOrders } from './support/store-compare.js';
import { Client } from './support/test-app.js';
import { type TestDatabase, createTestDatabase, siteTestConfig } from './support/test-db.js';

/**
 * The whole store boundary end to end (issue 11): a real WordPress with ecomdir Connect
 * (plugin/tests/harness, driven only through its CLI: start-site.sh, orders.php,
 * connect-store.php, stop-site.sh) and a real ecomdir server listening on a random port. The
 * owner connects through the plugin's own form; then the lifecycle, the write-back and its
 * recovery are checked in the store itself. One site per storage mode for the whole file.
 */
const run = promisify(execFile);
const harness = path.resolve(import.meta.dirname, '../../plugin/tests/harness');
const siteAdmin = path.resolve(import.meta.dirname, 'support/wp-site-admin.php');
const hasPhp = (() => {
  try {
    execFileSync('php', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasPhp) console.log('# SKIP store-boundary end-to-end test: `php` is not installed');

interface Site {
  url: string;
  dir: string;
  admin_user: string;
  admin_password: string;
}
interface Detail {
  number: string;
  status: string;
  packer: { id: number; name: string } | null;
  store_push_error: { code: string; retrying: boolean } | null;
}

const php = async (script: string, ...args: string[]) =>
  (await run('php', [script, ...args], { maxBuffer: 64 << 20 })).stdout;
const harnessPhp = (script: string, ...args: string[]) => php(path.join(harness, script), ...args);
/** The plugin's feed holds back orders changed in its last 2 s (its settle window). */
const settle = () => new Promise((r) => setTimeout(r, 3000));
const en = JSON.parse(
  fs.readFileSync(path.resolve(import.meta.dirname, '../../web/src/i18n/en.json'), 'utf8'),
) as {
  storeBoundary: { push: Record<string, string> };
  stores: { errors: Record<string, string> };
};

for (const mode of ['hpos', 'legacy'] as const) {
  describe(
    `the store boundary end to end (${mode})`, // In CI (CI=true) a missing php is a failure, never a silent skip.
    { skip: !hasPhp && process.env.CI !== 'true' && 'php missing' },
    () => {
      let db: TestDatabase;
      let app: App;
      let site: Site;
      let owner: Client & { accountId: number };
      let storeId = 0;
      let ana: { id: number };
      let bogdan: { id: number };
      const email = 'ana@magazin.ro';
      const password = 'parola-de-test-123';
      const server = () => `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`;

      const connect = async () => {
        const out = JSON.parse(
          await harnessPhp(
            'connect-store.php',
            `--url=${site.url}`,
            `--admin-user=${site.admin_user}`,
            `--admin-password=${site.admin_password}`,
            `--server-url=${server()}`,
            `--email=${email}`,
            `--password=${password}`,
          ).catch((e: { stdout?: string }) => e.stdout ?? '{}'),
        ) as { ok: boolean; store_id: string | null; error: string | null };
        assert.ok(out.ok, `connected (${out.error ?? ''})`);
        return Number(out.store_id);
      };
      /** A poll, triggered directly: the poller's tick one interval later, then the worker. */
      const poll = async () => {
        await app.services.sync.enqueueSyncs(Date.now() + 3_600_000);
        await app.worker.runUntilIdle();
      };
      const inStore = async (externalId: string) =>
        JSON.parse(await harnessPhp('orders.php', site.dir, 'get', externalId)) as UnifiedOrder;
      const modify = (ids: string[], ...opts: string[]) =>
        harnessPhp('orders.php', site.dir, 'modify', ids.join(','), ...opts);
      const idOf = async (externalId: string) =>
        (
          await app.database.db
            .selectFrom('orders')
            .select('id')
            .where('store_id', '=', storeId)
            .where('external_id', '=', externalId)
            .executeTakeFirstOrThrow()
        ).id;
      const detail = async (externalId: string) =>
        (await owner.get(`/api/orders/${await idOf(externalId)}`)).json<Detail>();
      let externals: string[] = [];

      async function storeOrders(): Promise<UnifiedOrder[]> {
        const { conn } = await connectStoredStore(app, db.dataDir, storeId);
        const all: UnifiedOrder[] = [];
        let cursor = { modifiedAt: Date.parse('2000-01-01T00:00:00Z'), afterId: '0' };
        for (;;) {
          const r = await conn.ordersAfter(cursor, 500);
          assert.ok(r.ok);
          all.push(...r.result.orders);
          if (!r.result.next) return all;
          cursor = r.result.next;
        }
      }

      before(async () => {
        db = await createTestDatabase();
        app = await buildApp(siteTestConfig(db));
        await app.http.listen({ port: 0, host: '127.0.0.1' });
        await app.services.accounts.createAccountWithOwner({
          accountName: 'Magazin',
          name: 'Ana',
          email,
          password,
          onlyIfFirst: false,
        });
        owner = Object.assign(new Client(app), { accountId: 0 });
        assert.equal((await owner.post('/api/auth/login', { email, password })).statusCode, 200);
        site = JSON.parse(
          (await run(path.join(harness, 'start-site.sh'), ['--orders', '6', '--mode', mode]))
            .stdout,
        ) as Site;
      });
      after(async () => {
        if (site) await run(path.join(harness, 'stop-site.sh'), [site.dir]);
        await app?.close();
        await db?.drop();
      });

      it('connects through the plugin form; every order of the window synced with its fields', async () => {
        storeId = await connect();
        // The harness made the orders seconds ago: on a quick machine they are still inside the
        // feed's settle window, and the first poll would rightly leave them for the next one.
        await settle();
        await poll();
        const orders = await storeOrders();
        assert.equal(orders.length, 6);
        await assertSameOrders(app, owner, storeId, orders);
        externals = orders.filter((o) => o.status === 'processing').map((o) => String(o.id));
        assert.ok(externals.length >= 5, 'the harness orders are processing');
      });

      it('a new packer takes the waiting orders; the assignment is visible in WooCommerce', async () => {
        ana = await createPacker(owner, { name: 'Ana Pop' });
        await app.worker.runUntilIdle();
        for (const x of externals) {
          assert.equal((await detail(x)).packer?.id, ana.id, `order ${x}`);
          assert.equal((await inStore(x)).packer?.name, 'Ana Pop', `order ${x} in the store`);
        }
      });

      it('confirmed at the station → the plugin refuses another packer', async () => {
        const x = externals[0] ?? '';
        assert.equal((await owner.post(`/api/orders/${await idOf(x)}/confirm`)).statusCode, 200);
        await app.worker.runUntilIdle();
        const held = await inStore(x);
        assert.ok(held.packer?.confirmed_at, 'the store holds the confirmation');
        const { conn } = await connectStoredStore(app, db.dataDir, storeId);
        const r = await conn.pushAssignment(x, {
          packerId: '999',
          packerName: 'Altcineva',
          assignedAt: Date.now(),
          confirmedAt: null,
          override: false,
        });
        assert.equal(r.ok ? 'accepted' : r.messages[0]?.code, 'ecomdir_packer_locked');
        assert.equal((await inStore(x)).packer?.name, 'Ana Pop');
      });

      it('a new order arrives within a poll; pending → processing is distributed then', async () => {
        const created = JSON.parse(await harnessPhp('orders.php', site.dir, 'create-one')) as {
          ids: number[];
        };
        const y = String(created.ids[0]);
        await modify([y], '--status=pending');
        await settle();
        await poll();
        let d = await detail(y);
        assert.deepEqual([d.status, d.packer], ['new', null], 'pending waits, not distributed');
        await modify([y], '--status=processing');
        await settle();
        await poll();
        d = await detail(y);
        assert.deepEqual([d.status, d.packer?.id], ['assigned', ana.id]);
        assert.equal((await inStore(y)).packer?.name, 'Ana Pop', 'written back');
        externals.push(y);
      });

      it('completed or cancelled in WooCommerce → the order leaves the packer’s queue', async () => {
        const [, a, b] = externals;
        await modify([a ?? ''], '--status=completed');
        await modify([b ?? ''], '--status=cancelled');
        await settle();
        await poll();
        assert.equal((await detail(a ?? '')).status, 'shipped');
        assert.equal((await detail(b ?? '')).status, 'cancelled');
        const queue = await app.database.db
          .selectFrom('orders')
          .select('external_id')
          .where('packer_id', '=', ana.id)
          .where('status', 'in', ['assigned', 'confirmed'])
          .execute();
        const left = queue.map((q) => q.external_id);
        assert.ok(!left.includes(a ?? '') && !left.includes(b ?? ''));
      });

      it('a revoked application password: the store says so in plain words; after a reconnect the waiting push lands', async () => {
        bogdan = await createPacker(owner, { name: 'Bogdan Ionescu', active: false });
        await owner.patch(`/api/packers/${bogdan.id}`, { active: true });
        const c = externals[3] ?? '';
        await php(siteAdmin, site.dir, 'revoke-app-passwords');
        const res = await owner.post(`/api/orders/${await idOf(c)}/reassign`, {
          packer_id: bogdan.id,
        });
        assert.equal(res.statusCode, 200, res.body);
        await app.worker.runUntilIdle();
        const d = await detail(c);
        assert.deepEqual(
          [d.store_push_error?.code, d.store_push_error?.retrying],
          ['credentials_rejected', true],
        );
        const stores = (await owner.get('/api/stores')).json<{
          items: { id: number; error: { code: string } | null }[];
        }>().items;
        const code = stores.find((s) => s.id === storeId)?.error?.code ?? '';
        assert.equal(code, 'credentials_rejected');
        assert.match(en.stores.errors[code] ?? '', /connect the store again/i);
        assert.equal((await inStore(c)).packer?.name, 'Ana Pop', 'not written yet');
        assert.equal(await connect(), storeId, 'the same store, connected again');
        await app.worker.runUntilIdle();
        assert.equal((await inStore(c)).packer?.name, 'Bogdan Ionescu');
        assert.equal((await detail(c)).store_push_error, null);
      });

      it('an override the store refuses names the setting; once it is on, Retry lands', async () => {
        const x = externals[0] ?? '';
        const id = await idOf(x);
        const res = await owner.post(`/api/orders/${id}/reassign`, {
          packer_id: bogdan.id,
          override: true,
          reason: 'Ana e bolnavă',
        });
        assert.equal(res.statusCode, 200, res.body);
        await app.worker.runUntilIdle();
        const d = await detail(x);
        assert.deepEqual(
          [d.store_push_error?.code, d.store_push_error?.retrying],
          ['ecomdir_packer_locked', false],
        );
        assert.match(en.storeBoundary.push.ecomdir_packer_locked ?? '', /Owner override/);
        assert.equal((await inStore(x)).packer?.name, 'Ana Pop');
        await php(siteAdmin, site.dir, 'owner-override', 'on');
        assert.equal((await owner.post(`/api/orders/${id}/store-push/retry`)).statusCode, 202);
        await app.worker.runUntilIdle();
        assert.equal((await inStore(x)).packer?.name, 'Bogdan Ionescu');
        assert.equal((await detail(x)).store_push_error, null);
        // WooCommerce and ecomdir agree: the next poll finds no divergence.
        await settle();
        await poll();
        const counts = (await owner.get('/api/stores/boundary')).json<{
          stores: { store_id: number; diverged: number }[];
        }>();
        assert.equal(counts.stores.find((s) => s.store_id === storeId)?.diverged, 0);
      });
    },
  );
}
