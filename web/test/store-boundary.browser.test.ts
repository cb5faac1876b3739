// The store boundary in the dashboard, against the real server and a local fake store: a
// write-back the store refused (the packer lock) names the setting to turn on and has a Retry
// that lands; a divergence shows on the order; the Stores page counts orders that differ from
// the store and orders that could not be stored, and lists the latter by their store number.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startFakeStore, type FakeStore } from '../../server/test/support/fake-store.ts';
import { PackerCreate } from '../../server/src/modules/packers/packers.schema.ts';
import { RESULTS, startHarness, type Harness } from './support/harness.ts';

const OWNER = { email: 'ana@example.ro', password: 'parola-sigura-1' };

let h: Harness;
let store: FakeStore;

before(async () => {
  h = await startHarness();
  store = await startFakeStore({ orders: 3 });
  for (const o of store.orders.values()) {
    o.status = 'on-hold'; // not distributed: the test sets the packers itself
    o.number = String(5000 + o.id);
  }
  store.orders.get(3)!.items[0]!.quantity = 3_000_000_000; // no column holds it: quarantined
});

after(async () => {
  await h?.close();
  await store?.close();
});

test('the order page explains a refused write-back and retries it; the Stores page counts the differences', async () => {
  const setup = await fetch(`${h.base}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account_name: 'Magazinul Test', name: 'Ana', ...OWNER }),
  });
  assert.equal(setup.status, 200);
  const db = h.app.database.db;
  const accountId = (await db.selectFrom('accounts').select('id').executeTakeFirstOrThrow()).id;
  const added = await h.app.services.stores.addByHand(
    accountId,
    {
      url: store.url,
      connector: 'woocommerce',
      credentials: { app_user: store.user, app_password: store.password },
    },
    { userId: null, label: 'test' },
  );
  assert.ok(added.ok);
  const storeId = added.storeId;
  const synced = async () =>
    (await db.selectFrom('orders').select('id').where('store_id', '=', storeId).execute()).length;
  for (let i = 0; i < 100 && (await synced()) < 2; i++)
    await new Promise((r) => setTimeout(r, 100));
  assert.equal(await synced(), 2);
  const order = async (n: string) =>
    db
      .selectFrom('orders')
      .select('id')
      .where('store_id', '=', storeId)
      .where('number', '=', n)
      .executeTakeFirstOrThrow();
  const packer = await h.app.services.packers.create(
    accountId,
    PackerCreate.parse({ name: 'Ioana Pop', username: 'ioana', pin: '123456' }),
    { userId: null, label: 'test' },
  );
  const refused = await order('5001');
  const diverged = await order('5002');
  const now = Date.now();
  // What the write-back and the sync leave behind (tested on the server side).
  await db
    .updateTable('orders')
    .set({
      packer_id: packer.id,
      status: 'assigned',
      assigned_at: now,
      store_push_error: 'ecomdir_packer_locked: Order 5001 is locked to packer Ana.',
      store_push_error_at: now,
    })
    .where('id', '=', refused.id)
    .execute();
  await db
    .updateTable('orders')
    .set({
      packer_id: packer.id,
      status: 'assigned',
      assigned_at: now,
      store_divergence: JSON.stringify({
        packer_id: '9',
        packer_name: 'Altcineva',
        confirmed: true,
      }),
      store_divergence_at: now,
    })
    .where('id', '=', diverged.id)
    .execute();

  const page = await h.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ro-RO' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.base}/orders/${refused.id}`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-stores').waitFor();
  await page.goto(`${h.base}/orders/${refused.id}`);
  await page.getByTestId('order-detail').waitFor();
  const alert = page.getByTestId('order-store-refused');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', /Suprascriere de către proprietar/);
  assert.doesNotMatch((await alert.textContent()) ?? '', /ecomdir_packer_locked/);
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, 'order-store-refused.png') });
  // The shop turned the setting on (here: the fake store allows overrides); Retry lands.
  store.overrideAllowed = true;
  const answer = page.waitForResponse((r) => r.url().includes('/store-push/retry'));
  await page.getByTestId('store-push-retry').click();
  const res = await answer;
  assert.equal(res.status(), 202, await res.text());
  await alert.waitFor({ state: 'detached', timeout: 15_000 });
  assert.equal(store.orders.get(1)?.packer?.name, 'Ioana Pop');

  await page.goto(`${h.base}/orders/${diverged.id}`);
  await page.getByTestId('order-diverged').waitFor();
  assert.match((await page.getByTestId('order-diverged').textContent()) ?? '', /Altcineva/);

  await page.goto(`${h.base}/stores`);
  await page.getByTestId('store-quarantined').waitFor();
  assert.match((await page.getByTestId('store-quarantined').textContent()) ?? '', /1 comandă/);
  await page.getByTestId('store-quarantined').click();
  await page.getByText(/Comanda #5003/).waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'stores-boundary.png') });
  assert.deepEqual(errors, []);
});
