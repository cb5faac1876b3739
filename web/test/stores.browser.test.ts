// The Stores page against the real server and a local fake store: add a store by hand, watch
// its first sync finish, change its sync settings, see a store problem with its cause, Sync
// now, and retry a failed job.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { enqueue } from '../../server/src/jobs/jobs.repo.ts';
import { startFakeStore, type FakeStore } from '../../server/test/support/fake-store.ts';
import { RESULTS, startHarness, type Harness } from './support/harness.ts';

const OWNER = { email: 'ana@example.ro', password: 'parola-sigura-1' };

let h: Harness;
let store: FakeStore;

before(async () => {
  h = await startHarness();
  store = await startFakeStore({ orders: 300 });
  store.pageDelayMs = 150;
});

after(async () => {
  await h?.close();
  await store?.close();
});

test('owner adds a store by hand, sees the first sync, a problem and its cause, and retries a failed job', async () => {
  const setup = await fetch(`${h.base}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account_name: 'Magazinul Test', name: 'Ana', ...OWNER }),
  });
  assert.equal(setup.status, 200);
  const page = await h.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ro-RO' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.base}/stores`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-stores').waitFor();
  await page.getByTestId('nav-stores').click();
  await page.getByTestId('stores-empty').waitFor();

  // A wrong application password: the refusal is explained in plain words, nothing is added.
  await page.getByTestId('store-add').first().click();
  await page.getByTestId('store-url').fill(store.url);
  await page.getByTestId('store-app-password').fill('not the password');
  await page.getByTestId('store-add-submit').click();
  await page.getByTestId('store-add-error').waitFor();
  // By its codes, in Romanian: the headline and the store's cause; its raw text only as a detail.
  assert.match(
    (await page.getByTestId('store-add-error').textContent()) ?? '',
    /Magazinul a refuzat datele de acces/,
  );

  await page.getByTestId('store-app-password').fill(store.password);
  // Its first sync goes back 20 days instead of the default 30 (the store's orders are 10 days old).
  assert.equal(await page.getByTestId('store-first-sync-days').inputValue(), '30');
  await page.getByTestId('store-first-sync-days').fill('20');
  await page.getByTestId('store-add-submit').click();
  await page.getByTestId('store-row').waitFor();
  // The first sync shows its progress, then the store is in sync with all its orders.
  await page.getByTestId('first-sync').waitFor({ timeout: 10_000 });
  await page.waitForFunction(
    () => document.querySelector('[data-testid="store-health"]')?.textContent === 'Sincronizat',
    null,
    { timeout: 30_000 },
  );
  assert.match((await page.getByTestId('store-row').textContent()) ?? '', /300/);

  // Sync settings: the first sync is over, so its days are fixed; the interval changes and stays.
  await page.getByTestId('store-settings').click();
  const poll = page.getByTestId('store-settings-poll');
  const days = page.getByTestId('store-settings-first-sync-days');
  assert.equal(await poll.inputValue(), '60');
  assert.equal(await days.inputValue(), '20');
  assert.equal(await days.isDisabled(), true);
  await poll.selectOption('300');
  await page.getByTestId('store-settings-save').click();
  await page.getByTestId('store-settings-form').waitFor({ state: 'detached' });
  await page.reload();
  await page.getByTestId('store-settings').click();
  assert.equal(await poll.inputValue(), '300');
  assert.match((await poll.locator('option:checked').textContent()) ?? '', /^5 minute$/);
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, 'store-settings.png') });
  await page.keyboard.press('Escape');
  await page.getByTestId('store-settings-form').waitFor({ state: 'detached' });

  // The store fails: Sync now shows the problem, its cause and since when.
  store.faults.push('500');
  await page.getByTestId('store-sync-now').click();
  await page.getByTestId('store-error').waitFor({ timeout: 15_000 });
  assert.match((await page.getByTestId('store-error').textContent()) ?? '', /eroare de server/);

  // A job that failed all its attempts is listed; Retry puts it back and it runs.
  const id = await enqueue(h.app.database.db, {
    kind: 'store.push_assignment',
    payload: { order_id: 999_999 },
    accountId: (
      await h.app.database.db.selectFrom('accounts').select('id').executeTakeFirstOrThrow()
    ).id,
  });
  await h.app.database.db
    .updateTable('jobs')
    .set({ state: 'dead', attempts: 10, last_error: 'POST packer: HTTP 500' })
    .where('id', '=', id)
    .execute();
  await page.reload();
  await page.getByTestId('dead-job').waitFor();
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, 'stores.png'), fullPage: true });
  await page.getByTestId('dead-job').getByRole('button').click();
  await page.getByTestId('dead-jobs').waitFor({ state: 'detached', timeout: 15_000 });
  assert.deepEqual(errors, []);
});
