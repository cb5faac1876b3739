// The packer station against the real server in Chromium: packer login, the queue updating
// live, confirming an order, scanning with a simulated keyboard-wedge scanner (keystrokes +
// Enter) including a wrong item and one too many, and the final packed state.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Api, RESULTS, startHarness, type Harness } from './support/harness.ts';
import { assertNothingClipped, shot, SIZES } from './support/layout.ts';

let h: Harness;
let api: Api;
const call = <T = unknown>(method: string, route: string, body?: unknown) =>
  api.call<T>(method, route, body);

const phoneOrder = (last: string, items: { sku: string; quantity: number }[]) => ({
  billing: {
    first_name: 'Maria',
    last_name: last,
    phone: '0722123456',
    address_1: 'Str. Florilor 12',
    city: 'Cluj-Napoca',
    state: 'CJ',
  },
  items: items.map((i) => ({ ...i, name: `Produs ${i.sku}`, unit_price: '10.00' })),
  payment_method: 'cod',
});

before(async () => {
  h = await startHarness({ ECOMDIR_WORKER: 'false' });
  api = new Api(h.base);
});

after(() => h?.close());

/** A keyboard-wedge scanner: fast keystrokes into whatever has focus, then Enter. */
async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
}

async function feedback(page: Page, kind: 'ok' | 'error', text: RegExp): Promise<void> {
  const el = page.locator(`[data-testid="scan-feedback"][data-kind="${kind}"]`);
  await el.filter({ hasText: text }).waitFor({ timeout: 10_000 });
}

test('a packer logs in, takes an order and packs it by scanning', async () => {
  await call('POST', '/setup', {
    account_name: 'Depozit',
    name: 'Ana Popescu',
    email: 'ana@example.ro',
    password: 'parola-sigura-1',
  });
  await call('POST', '/packers', { name: 'Ion Ionescu', username: 'ion', pin: '123412' });
  // Automatic distribution gives it to Ion, the only packer.
  const first = await call<{ id: number; number: string; packer: { name: string } | null }>(
    'POST',
    '/orders',
    phoneOrder('Popescu', [
      { sku: 'TRC-001', quantity: 2 },
      { sku: 'CANA-1', quantity: 1 },
    ]),
  );
  assert.equal(first.packer?.name, 'Ion Ionescu');

  const page = await h.browser.newPage({
    viewport: { width: 1024, height: 768 },
    locale: 'ro-RO',
    hasTouch: true,
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // The shop's station address names the shop (usernames are per shop): opened once, the
  // device remembers it and the login asks only for the username and PIN.
  const me = await call<{ account: { station_code: string } }>('GET', '/auth/me');
  await page.goto(`${h.base}/station/${me.account.station_code}`);
  assert.equal(await page.getByTestId('login-station-code').inputValue(), me.account.station_code);
  await page.getByTestId('login-username').fill('ion');
  await page.getByTestId('login-pin').fill('123412');
  await page.getByTestId('login-packer-submit').click();
  await page.getByTestId('queue-order').first().waitFor();
  assert.equal(await page.getByTestId('queue-order').count(), 1);

  // A new order arrives while the station is open: the queue updates by itself (SSE).
  await call('POST', '/orders', phoneOrder('Ionescu', [{ sku: 'SAP-9', quantity: 1 }]));
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="queue-order"]').length === 2,
    null,
    { timeout: 10_000 },
  );

  // Take the first order: it opens for scanning, with the scanner input focused.
  await page
    .locator(
      `[data-testid="queue-order"][data-order-id="${first.id}"] [data-testid="confirm-order"]`,
    )
    .click();
  await page.getByTestId('scan-input').waitFor();
  await page.waitForFunction(
    () => document.activeElement?.getAttribute('data-testid') === 'scan-input',
  );
  assert.equal(await page.getByTestId('station-order-number').textContent(), `#${first.number}`);

  const lineCount = (sku: string) =>
    page
      .locator(`[data-testid="scan-line"][data-sku="${sku}"] [data-testid="line-count"]`)
      .textContent();

  await scan(page, 'TRC-001');
  await feedback(page, 'ok', /Produs TRC-001: 1 din 2/);
  assert.equal(await lineCount('TRC-001'), '1 / 2');
  // The same screen on a phone: the log-out control and the count pills fit, nothing is cut.
  const tablet = page.viewportSize();
  await page.setViewportSize(SIZES.phone);
  await page.getByTestId('logout-compact').waitFor();
  await assertNothingClipped(page, 'station order, phone');
  await shot(page, 'station-order-phone');
  if (tablet) await page.setViewportSize(tablet);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.lastSound), 'ok');

  // A product that is not in the order: alarm, nothing counted.
  await scan(page, 'XYZ-999');
  await feedback(page, 'error', /Produs greșit: XYZ-999/);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.lastSound), 'error');
  assert.equal(await lineCount('TRC-001'), '1 / 2');

  await scan(page, 'trc-001');
  await feedback(page, 'ok', /Produs TRC-001: 2 din 2/);
  // One too many.
  await scan(page, 'TRC-001');
  await feedback(page, 'error', /Prea multe/);
  assert.equal(await lineCount('TRC-001'), '2 / 2');

  await scan(page, 'CANA-1');
  await page.getByTestId('packed-banner').waitFor();
  assert.equal(await page.getByTestId('status-badge').getAttribute('data-status'), 'packed');
  assert.equal(await page.getByTestId('scan-progress').textContent(), '3 din 3 scanate');
  assert.equal(await page.getByTestId('scan-input').count(), 0, 'nothing more to scan');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.lastSound), 'done');
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, 'station.png'), fullPage: true });

  // The server agrees: packed, and both mistakes recorded for the penalties.
  const detail = await call<{ status: string; audit: { action: string }[] }>(
    'GET',
    `/orders/${first.id}`,
  );
  assert.equal(detail.status, 'packed');
  assert.ok(detail.audit.some((a) => a.action === 'packed'));
  const mismatches = await h.app.database.db
    .selectFrom('scan_mismatches')
    .select(['kind', 'code'])
    .orderBy('id')
    .execute();
  assert.deepEqual(mismatches, [
    { kind: 'wrong_item', code: 'XYZ-999' },
    { kind: 'too_many', code: 'TRC-001' },
  ]);

  // Back in the queue only the other order is left; English works too.
  await page.getByTestId('back-to-queue').click();
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="queue-order"]').length === 1,
  );
  await page.getByTestId('language-switch').getByText('EN').click();
  await page.getByText('My orders', { exact: true }).first().waitFor();
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('the owner’s orders table updates by itself when orders arrive', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill('ana@example.ro');
  await page.getByTestId('login-password').fill('parola-sigura-1');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('orders-table').waitFor();
  const rows = () => page.locator('[data-testid="order-row"]').count();
  const before = await rows();
  await call('POST', '/orders', phoneOrder('Live', [{ sku: 'LIVE-1', quantity: 1 }]));
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="order-row"]').length === n,
    before + 1,
    { timeout: 10_000 },
  );
  await context.close();
});

test('the owner sees the Unassigned queue with its reason, distributes it, and overrides a lock', async () => {
  const packers = await call<{ items: { id: number; name: string }[] }>('GET', '/packers');
  const ion = packers.items.find((p) => p.name === 'Ion Ionescu');
  assert.ok(ion);
  // A shift that is not now, in the account's time zone: Ion goes off shift, his unconfirmed
  // order has nobody to go to and waits in the queue.
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Bucharest',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(new Date()),
  );
  const slot = hour < 12 ? { start: '20:00', end: '21:00' } : { start: '05:00', end: '06:00' };
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  await call('PATCH', `/packers/${ion.id}`, {
    shifts: Object.fromEntries(days.map((d) => [d, [slot]])),
  });

  const context = await h.browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill('ana@example.ro');
  await page.getByTestId('login-password').fill('parola-sigura-1');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('orders-table').waitFor();
  await page.getByTestId('language-switch').getByText('EN').click();
  await page.goto(`${h.base}/distribution`);
  await page.getByTestId('distribution-settings').waitFor();
  await page.getByTestId('unassigned-row').first().waitFor();
  assert.match(
    (await page.getByTestId('unassigned-reason').first().textContent()) ?? '',
    /no eligible packer: 1 off shift/,
  );

  // Someone new can take them: select all and distribute.
  await call('POST', '/packers', { name: 'Dana Dinu', username: 'dana', pin: '432143' });
  await page.getByRole('checkbox', { name: 'Select all' }).check();
  await page.getByTestId('distribute-selected').click();
  await page.getByTestId('unassigned-empty').waitFor({ timeout: 10_000 });

  // A confirmed order can only be moved by the owner, with an override and a reason.
  const o = await call<{ id: number }>(
    'POST',
    '/orders',
    phoneOrder('Blocata', [{ sku: 'LOCK-1', quantity: 1 }]),
  );
  await call('POST', `/orders/${o.id}/confirm`, {});
  await page.goto(`${h.base}/orders/${o.id}`);
  assert.equal(await page.getByTestId('order-packer').textContent(), 'Dana Dinu');
  await page.getByTestId('change-packer').click();
  await page.getByTestId('override-warning').waitFor();
  await page.getByTestId('change-packer-select').click();
  await page.getByRole('option', { name: 'Ion Ionescu' }).click();
  assert.equal(
    await page.getByTestId('change-packer-submit').isDisabled(),
    true,
    'a reason is required',
  );
  await page.getByTestId('change-packer-reason').fill('Dana left early');
  await page.getByTestId('change-packer-submit').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="order-packer"]')?.textContent === 'Ion Ionescu',
    null,
    {
      timeout: 10_000,
    },
  );
  const detail = await call<{
    status: string;
    audit: { action: string; reason: { code: string; params: Record<string, string> } | null }[];
  }>('GET', `/orders/${o.id}`);
  assert.equal(detail.status, 'confirmed');
  assert.deepEqual(
    detail.audit.filter((a) => a.action === 'override').map((a) => a.reason),
    [{ code: 'note', params: { text: 'Dana left early' } }],
  );
  // Distribute a selection from the orders table: the confirmed order stays locked.
  await page.goto(`${h.base}/orders`);
  await page.getByTestId('order-select').first().check();
  await page.getByTestId('bulk-distribute').click();
  await page.getByText('Assigned: 0. Still waiting: 0.').waitFor();
  assert.equal(
    (await call<{ packer: { name: string } }>('GET', `/orders/${o.id}`)).packer.name,
    'Ion Ionescu',
  );
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.goto(`${h.base}/distribution`);
  await page.getByTestId('distribution-settings').waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'distribution.png'), fullPage: true });
  assert.deepEqual(pageErrors, []);
  await context.close();
});
