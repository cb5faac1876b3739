// The Stores page's owner actions against the real server and local fake stores: the warning
// while no job worker runs, Pause/Resume from the keyboard, the banner of a store paused because
// WordPress refused its password, a stalled sync, a store error shown by its code (never the
// store's HTML), and Remove keeping or deleting the orders with the WordPress step shown after.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startFakeStore, type FakeStore } from '../../server/test/support/fake-store.ts';
import { RESULTS, startHarness, type Harness } from './support/harness.ts';

const OWNER = { email: 'ana@example.ro', password: 'parola-sigura-1' };

let h: Harness;
const fakes: FakeStore[] = [];

before(async () => {
  // No worker at first: the dashboard must say so.
  h = await startHarness({ ECOMDIR_WORKER: 'false' });
  for (const n of [4, 6]) fakes.push(await startFakeStore({ orders: n }));
});

after(async () => {
  await h?.close();
  await Promise.all(fakes.map((f) => f.close()));
});

test('owner pauses, resumes and removes stores; stalled and no-worker states are shown', async () => {
  const setup = await fetch(`${h.base}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account_name: 'Magazinul Test', name: 'Ana', ...OWNER }),
  });
  assert.equal(setup.status, 200);
  const db = h.app.database.db;
  const account = await db.selectFrom('accounts').select('id').executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const [i, f] of fakes.entries()) {
    const r = await h.app.services.stores.addByHand(
      account.id,
      {
        url: f.url,
        name: `Magazin ${i + 1}`,
        connector: 'woocommerce',
        credentials: { app_user: f.user, app_password: f.password },
      },
      { userId: null, label: 'test' },
    );
    assert.ok(r.ok);
    ids.push(r.storeId);
  }
  const [first, second] = ids as [number, number];

  const page = await h.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ro-RO' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.base}/stores`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-stores').click();
  await page.getByTestId('no-worker-banner').waitFor();
  assert.match(
    (await page.getByTestId('no-worker-banner').textContent()) ?? '',
    /Niciun proces ecomdir/,
  );

  // A worker starts: the stores sync and the warning goes.
  h.app.startBackground();
  await page.reload();
  await page.getByTestId('store-row').first().waitFor();
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-testid="store-health"]')].every(
        (e) => e.textContent === 'Sincronizat',
      ),
    null,
    { timeout: 30_000 },
  );
  assert.equal(await page.getByTestId('no-worker-banner').count(), 0);

  // Pause from the keyboard, then resume.
  const row = (n: number) => page.getByTestId('store-row').nth(n);
  await row(0).getByTestId('store-pause').focus();
  await page.keyboard.press('Enter');
  await row(0).getByTestId('store-resume').waitFor();
  assert.equal(await row(0).getByTestId('store-health').textContent(), 'În pauză');
  assert.equal(await row(0).getByTestId('store-sync-now').count(), 0);
  await row(0).getByTestId('store-resume').click();
  await row(0).getByTestId('store-pause').waitFor();

  // Paused by ecomdir after WordPress refused the password: a banner with Resume.
  await db
    .updateTable('stores')
    .set({ paused_at: Date.now(), paused_reason: 'credentials_rejected' })
    .where('id', '=', second)
    .execute();
  await page.reload();
  await page.getByTestId('store-paused-banner').waitFor();
  assert.match(
    (await page.getByTestId('store-paused-banner').textContent()) ?? '',
    /Magazin 2 e pe pauză/,
  );
  await page.getByTestId('store-paused-resume').click();
  await page.getByTestId('store-paused-banner').waitFor({ state: 'detached' });
  // Resuming queued a sync: let it finish before the states below are staged.
  for (let i = 0; i < 300; i++) {
    const busy = await db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'store.sync')
      .where('state', 'in', ['queued', 'running'])
      .execute();
    if (busy.length === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }

  // A sync marked running that no worker holds: stalled. A store error: its code, translated.
  await db
    .updateTable('stores')
    .set({
      sync_started_at: Date.now(),
      last_sync_at: null,
      first_synced_at: null,
      sync_from: Date.now() - 86_400_000,
    })
    .where('id', '=', first)
    .execute();
  await db
    .updateTable('stores')
    .set({
      last_error_code: 'server_error',
      last_error: '<!DOCTYPE html><html><body>There has been a critical error</body></html>',
      error_since: Date.now(),
    })
    .where('id', '=', second)
    .execute();
  await page.reload();
  await page.getByTestId('store-stalled').waitFor();
  assert.equal(await row(0).getByTestId('store-health').textContent(), 'Blocat');
  const errorText = (await page.getByTestId('store-error').textContent()) ?? '';
  assert.match(errorText, /eroare de server/);
  assert.doesNotMatch(await page.content(), /DOCTYPE html><html><body>There has been/);
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, 'stores-lifecycle.png'), fullPage: true });
  await db
    .updateTable('stores')
    .set({ sync_started_at: null, last_sync_at: Date.now() })
    .where('id', '=', first)
    .execute();

  // Remove the first store with its orders: confirm first; then the WordPress step.
  await page.reload();
  await row(0).getByTestId('store-remove').click();
  await page.getByTestId('store-remove-delete').check();
  assert.equal(await page.getByTestId('store-remove-submit').isDisabled(), true);
  await page.getByTestId('store-remove-confirm').check();
  const removed = page.waitForResponse((r) => r.url().endsWith('/remove'));
  await page.getByTestId('store-remove-submit').click();
  const answer = await removed;
  assert.equal(answer.status(), 200, await answer.text());
  await page.getByTestId('store-removed-app-password').waitFor();
  assert.match(
    (await page.getByTestId('store-removed-app-password').textContent()) ?? '',
    /Utilizatori → ecomdir → Parole pentru aplicații/,
  );
  assert.match((await page.getByTestId('store-removed-text').textContent()) ?? '', /4 comenzi/);
  await page.getByTestId('store-removed-close').click();
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="store-row"]').length === 1,
  );
  const left = await db.selectFrom('orders').select('id').where('store_id', '=', first).execute();
  assert.deepEqual(left, []);

  // Remove the second keeping its orders: listed as removed, its orders still there.
  await row(0).getByTestId('store-remove').click();
  await page.getByTestId('store-remove-submit').click();
  await page.getByTestId('store-removed-close').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="store-health"]')?.textContent === 'Eliminat',
  );
  const kept = await db.selectFrom('orders').select('id').where('store_id', '=', second).execute();
  assert.equal(kept.length, 6);
  assert.deepEqual(errors, []);
});
