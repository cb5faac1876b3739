// End-to-end check of the dashboard against the real server: log in, filter, search, open an
// order, switch the language, save a screenshot. Runs Debian's chromium via playwright-core.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Api, RESULTS, startHarness, type Harness } from './support/harness.ts';
import { assertNothingClipped } from './support/layout.ts';

const OWNER = { email: 'ana@example.ro', password: 'parola-sigura-1' };

let h: Harness;

const CUSTOMERS = [
  ['Andrei', 'Popa', 'Cluj-Napoca', 'CJ'],
  ['Elena', 'Dumitrescu', 'Iași', 'IS'],
  ['Mihai', 'Stan', 'București', 'B'],
  ['Ioana', 'Zamfirescu', 'Timișoara', 'TM'],
  ['Radu', 'Constantin', 'Brașov', 'BV'],
  ['Cristina', 'Ene', 'Constanța', 'CT'],
  ['Vlad', 'Munteanu', 'Oradea', 'BH'],
  ['Irina', 'Moldovan', 'Sibiu', 'SB'],
] as const;

async function seed(): Promise<{ assigned: number }> {
  const api = new Api(h.base);
  await api.call('POST', '/setup', {
    account_name: 'Magazinul Test',
    name: 'Ana Popescu',
    ...OWNER,
  });
  const ids: number[] = [];
  for (const [i, [first, last, city, county]] of CUSTOMERS.entries()) {
    const order = await api.call<{ id: number }>('POST', '/orders', {
      billing: {
        first_name: first,
        last_name: last,
        phone: `07220000${String(i).padStart(2, '0')}`,
        email: `${first.toLowerCase()}@example.ro`,
        address_1: `Str. Libertății nr. ${i + 1}`,
        city,
        state: county,
      },
      items: [
        {
          sku: i === 3 ? 'CANA-ALBASTRA' : `TRICOU-${i}`,
          name: `Produs ${i}`,
          quantity: 1,
          unit_price: '49.90',
        },
      ],
      shipping_total: '15.00',
      payment_method: i % 2 ? 'cod' : 'bacs',
      payment_method_title: i % 2 ? 'Ramburs' : 'Transfer bancar',
    });
    ids.push(order.id);
  }
  // The packer comes after the orders so automatic distribution leaves them unassigned;
  // three are then assigned by hand. Ion takes at most three open orders: the server's
  // minute-by-minute retry of the Unassigned queue must not hand him the other five mid-test.
  const ion = await api.call<{ id: number }>('POST', '/packers', {
    name: 'Ion Ionescu',
    username: 'ion',
    pin: '123412',
    max_open_orders: 3,
  });
  await api.call('POST', '/orders/bulk-assign', { order_ids: ids.slice(0, 3), packer_id: ion.id });
  const page = await api.call<{ items: unknown[] }>('GET', '/orders?status=assigned');
  return { assigned: page.items.length };
}

async function rowCount(page: Page, expected: number): Promise<void> {
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="order-row"]').length === n,
    expected,
    { timeout: 10_000 },
  );
}

before(async () => {
  h = await startHarness();
});

after(() => h?.close());

test('owner logs in, filters and searches orders, opens one, switches language', async () => {
  const { assigned } = await seed();
  assert.ok(assigned > 0 && assigned < CUSTOMERS.length, `assigned orders: ${assigned}`);
  const page = await h.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ro-RO' });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));

  // Not logged in: the dashboard sends us to the login page, in Romanian by default.
  await page.goto(`${h.base}/orders`);
  await page.getByTestId('login-email').waitFor();
  assert.equal(await page.getByTestId('login-submit').textContent(), 'Intră în cont');

  // A wrong password is told in Romanian (by its code), not in the server's English.
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('login-error').waitFor();
  assert.match(
    (await page.getByTestId('login-error').textContent()) ?? '',
    /Datele de autentificare sunt greșite/,
  );

  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('orders-table').waitFor();
  await rowCount(page, CUSTOMERS.length);
  assert.equal(await page.getByTestId('nav-orders').textContent(), 'Comenzi');
  // At 1440 px in Romanian no status or payment badge is cut ("CONFIR…", "PLĂTI…").
  await assertNothingClipped(page, 'orders list, 1440 px, ro');

  // Status filter: only the assigned orders remain, and the filter lands in the URL.
  await page.getByTestId('filter-status').click();
  await page.getByRole('option', { name: 'Alocată' }).click();
  await page.keyboard.press('Escape');
  await rowCount(page, assigned);
  const statuses = await page
    .locator('[data-testid="order-row"] [data-testid="status-badge"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  assert.deepEqual(new Set(statuses), new Set(['assigned']));
  assert.match(page.url(), /status=assigned/);

  // Clear, then full-text search by customer name and by SKU.
  await page.getByTestId('filters-reset').click();
  await rowCount(page, CUSTOMERS.length);
  await page.getByTestId('orders-search').fill('Zamfirescu');
  await rowCount(page, 1);
  await page.getByTestId('orders-search').fill('CANA-ALBASTRA');
  await rowCount(page, 1);
  await page.getByTestId('orders-search').fill('nimic-de-gasit-aici');
  await page.getByTestId('orders-empty').waitFor();
  await page.getByTestId('orders-search').fill('Zamfirescu');
  await rowCount(page, 1);

  // Open the order and check every section of the detail page.
  await page.getByTestId('order-link').first().click();
  await page.getByTestId('order-detail').waitFor();
  const text = async (id: string) => (await page.getByTestId(id).textContent()) ?? '';
  assert.match(await text('order-items'), /Produs 3/);
  assert.match(await text('order-items'), /CANA-ALBASTRA/);
  assert.match(await text('order-billing'), /Ioana Zamfirescu/);
  assert.match(await text('order-billing'), /Timiș/);
  assert.match(await text('order-shipping'), /Timișoara/);
  assert.match(await text('order-totals'), /64,90\s*RON/);
  assert.match(await text('order-payment'), /Ramburs/);
  await page.getByTestId('order-assignments').waitFor();
  assert.ok((await page.getByTestId('audit-row').count()) >= 1, 'the audit trail has a row');
  assert.match(await text('order-items'), /^Produse/);

  // Switch to English: labels change, the choice survives a reload.
  await page.getByTestId('language-switch').getByText('EN').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="nav-orders"]')?.textContent === 'Orders',
  );
  assert.match(await text('order-items'), /^Products/);
  assert.match(await text('order-audit'), /^Audit trail/);
  await page.reload();
  await page.getByTestId('order-detail').waitFor();
  assert.equal(await page.getByTestId('nav-orders').textContent(), 'Orders');
  assert.equal(await page.evaluate(() => localStorage.getItem('ecomdir.language')), 'en');

  // The orders page in English, as the screenshot.
  await page.getByTestId('back-to-orders').click();
  await page.getByTestId('orders-table').waitFor();
  await page.getByTestId('filters-reset').click();
  await rowCount(page, CUSTOMERS.length);
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, 'dashboard.png'), fullPage: true });

  // The packers page lists Ion.
  await page.getByTestId('nav-packers').click();
  await page.getByTestId('packers-table').waitFor();
  assert.equal(await page.getByTestId('packer-row').count(), 1);
  assert.match((await page.getByTestId('packer-row').first().textContent()) ?? '', /Ion Ionescu/);
  // It shows the owner the shop's packer station address, which names the shop.
  const address = (await page.getByTestId('station-address').textContent()) ?? '';
  const stationCode = new RegExp(`^${h.base}/station/([a-z2-9]{8})$`).exec(address)?.[1];
  assert.ok(stationCode, `a station address: ${address}`);

  // Back to Romanian, then log out: the login page answers again.
  await page.getByTestId('language-switch').getByText('RO').click();
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByTestId('login-email').waitFor();

  // Packers log in on their own tab with the shop's code, username and PIN; a wrong code is
  // refused like a wrong PIN.
  await page.getByTestId('login-tab-packer').click();
  await page.getByTestId('login-station-code').fill('zzzzzzzz');
  await page.getByTestId('login-username').fill('ion');
  await page.getByTestId('login-pin').fill('123412');
  await page.getByTestId('login-packer-submit').click();
  await page.getByTestId('login-error').waitFor();
  await page.getByTestId('login-station-code').fill(stationCode);
  await page.getByTestId('login-pin').fill('123412');
  await page.getByTestId('login-packer-submit').click();
  // Ion's station shows the three orders assigned to him above.
  await page.getByTestId('queue-order').first().waitFor();
  assert.equal(await page.getByTestId('queue-order').count(), assigned);

  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('owner adds a manager in Settings, who can then log in', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ro-RO' });
  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page
    .getByTestId('orders-table')
    .or(page.getByTestId('order-row').first())
    .first()
    .waitFor();
  await page.goto(`${h.base}/settings`);
  const team = page.getByTestId('team-section');
  await team.getByTestId('team-row').first().waitFor();
  assert.equal(await team.getByTestId('team-row').count(), 1, 'only the owner at first');
  await team.getByLabel('Nume').fill('Dan Manager');
  await team.getByLabel('E-mail').fill('dan@example.ro');
  await team.getByLabel('Parolă').fill('parola-dan-1');
  await team.getByTestId('team-add').click();
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="team-row"]').length === 2,
    undefined,
    { timeout: 10_000 },
  );
  assert.match(
    (await team.getByTestId('team-row').nth(1).textContent()) ?? '',
    /Dan Manager.*Manager/,
  );
  const manager = new Api(h.base);
  const me = await manager.call<{ user: { role: string } }>('POST', '/auth/login', {
    email: 'dan@example.ro',
    password: 'parola-dan-1',
  });
  assert.equal(me.user.role, 'manager');
  await page.close();
});
