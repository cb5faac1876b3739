// The order page's shipments: the owner generates an AWB with the own courier, sees it with its
// status and the reason for the courier in Romanian, opens its label, and the public tracking
// answer follows what the shop marks.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Api, RESULTS, startHarness, type Harness } from './support/harness.ts';
import { assertNothingClipped } from './support/layout.ts';

const OWNER = { email: 'dan@example.ro', password: 'parola-sigura-2' };
let h: Harness;

before(async () => {
  h = await startHarness();
});
after(() => h?.close());

test('owner generates an AWB on the order page and sees it tracked', async () => {
  const api = new Api(h.base);
  await api.call('POST', '/setup', {
    account_name: 'Magazinul Dan',
    name: 'Dan Ionescu',
    ...OWNER,
  });
  await api.call('PUT', '/shipping/settings', {
    sender_addresses: [
      {
        id: 'depozit',
        label: 'Depozit',
        name: 'Magazinul Dan',
        phone: '0264000111',
        address1: 'Str. Fabricii 3',
        city: 'Cluj-Napoca',
        county: 'Cluj',
      },
    ],
  });
  const order = await api.call<{ id: number }>('POST', '/orders', {
    billing: {
      first_name: 'Ștefan',
      last_name: 'Țurcanu',
      phone: '0722000111',
      email: 'stefan@example.ro',
      address_1: 'Str. Mărășești 4',
      city: 'Iași',
      state: 'IS',
    },
    items: [{ sku: 'CANA-1', name: 'Cană', quantity: 1, unit_price: '30.00' }],
    payment_method: 'cod',
    payment_method_title: 'Ramburs',
  });

  const page = await h.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ro-RO' });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('orders-table').waitFor();
  await page.goto(`${h.base}/orders/${order.id}`);
  await page.getByTestId('order-shipments').waitFor();
  assert.match((await page.getByTestId('order-shipments').textContent()) ?? '', /Niciun AWB încă/);

  await page.getByTestId('generate-awb').click();
  await page.getByTestId('shipment-row').waitFor();
  const row = (await page.getByTestId('shipment-row').textContent()) ?? '';
  const awb = /ED\d{9}/.exec(row)?.[0];
  assert.ok(awb, row);
  assert.match(row, /Curier propriu/);
  assert.match(row, /AWB creat/);
  assert.match(row, /Curierul și serviciul implicite/);
  // One AWB per order: the button is gone once it exists.
  assert.equal(await page.getByTestId('generate-awb').count(), 0);
  await page.getByTestId('order-shipments').screenshot({
    path: path.join(RESULTS, 'order-shipments.png'),
  });

  // The label opens as a PDF document.
  const shipments = await api.call<{ items: { id: number; tracking_url: string }[] }>(
    'GET',
    `/orders/${order.id}/shipments`,
  );
  const s = shipments.items[0];
  assert.ok(s);
  const label = await page.request.get(`${h.base}/api/shipments/labels?ids=${s.id}`);
  assert.equal(label.status(), 200);
  assert.equal(label.headers()['content-type'], 'application/pdf');
  assert.equal(
    Buffer.from(await label.body())
      .subarray(0, 5)
      .toString(),
    '%PDF-',
  );

  // The shop marks the parcel handed over (the own courier has no tracking of its own); the
  // public tracking answer needs no login and follows it.
  const token = s.tracking_url.split('/t/')[1] ?? '';
  await page.getByTestId('shipment-mark').click();
  await page.getByTestId('shipment-mark-handed_over').click();
  await page.getByTestId('shipment-row').filter({ hasText: 'Predat curierului' }).waitFor();
  // Once it has left, the AWB can no longer be cancelled.
  assert.equal(await page.getByTestId('shipment-cancel').count(), 0);
  const tracking = await fetch(`${h.base}/api/t/${token}`);
  assert.equal(tracking.status, 200);
  assert.equal(((await tracking.json()) as { status: string }).status, 'handed_over');
  await page.reload();
  await page.getByTestId('shipment-row').waitFor();
  assert.match((await page.getByTestId('shipment-row').textContent()) ?? '', /Predat curierului/);
  assert.deepEqual(pageErrors, []);
  await page.close();

  // The customer opens the tracking link: no login, the status and history, no personal data.
  const customer = await h.browser.newContext({
    locale: 'ro-RO',
    viewport: { width: 390, height: 844 },
  });
  const pub = await customer.newPage();
  const pubErrors: string[] = [];
  pub.on('pageerror', (e) => pubErrors.push(e.message));
  await pub.goto(`${h.base}/t/${token}`);
  await pub.getByTestId('tracking').waitFor();
  assert.equal(await pub.getByTestId('tracking-awb').textContent(), awb);
  assert.equal(await pub.getByTestId('tracking-status').textContent(), 'Predat curierului');
  const text = (await pub.getByTestId('tracking').textContent()) ?? '';
  assert.match(text, /Către Iași/);
  assert.doesNotMatch(text, /Țurcanu|0722000111|Mărășești/);
  await pub.screenshot({ path: path.join(RESULTS, 'tracking-page.png') });
  await pub.goto(`${h.base}/t/${'x'.repeat(22)}`);
  await pub.getByTestId('tracking-error').waitFor();
  assert.match(
    (await pub.getByTestId('tracking-error').textContent()) ?? '',
    /Expediția nu a fost găsită/,
  );
  assert.deepEqual(pubErrors, []);
  await customer.close();
});

test('owner generates AWBs in bulk from the orders table and follows the progress', async () => {
  const api = new Api(h.base);
  await api.call('POST', '/auth/login', OWNER);
  for (let i = 0; i < 5; i++)
    await api.call('POST', '/orders', {
      billing: {
        first_name: 'Client',
        last_name: `Nr${i}`,
        phone: '0722000222',
        address_1: 'Str. Lungă 1',
        city: 'Brașov',
        state: 'BV',
      },
      items: [{ sku: `SKU-${i}`, name: 'Produs', quantity: 1, unit_price: '10.00' }],
      payment_method: 'cod',
    });
  const page = await h.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ro-RO' });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('orders-table').waitFor();
  const checks = page.getByTestId('order-select');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="order-select"]').length === 6,
  );
  // All six: five new orders and the first test's order, whose AWB exists (it is returned, not remade).
  for (let i = 0; i < 6; i++) await checks.nth(i).click();
  await page.getByTestId('bulk-awb').click();
  await page.getByTestId('bulk-awb-summary').waitFor();
  await page.waitForFunction(
    () =>
      /6 din 6 gata: 6 AWB-uri, 0 negenerate/.test(
        document.querySelector('[data-testid="bulk-awb-summary"]')?.textContent ?? '',
      ),
    null,
    { timeout: 30_000 },
  );
  const rows = await page.getByTestId('bulk-awb-row').allTextContents();
  assert.equal(rows.length, 6);
  const awbs = rows.map((r) => /ED\d{9}/.exec(r)?.[0]);
  assert.ok(awbs.every(Boolean), rows.join(' | '));
  assert.equal(new Set(awbs).size, 6);
  assert.ok(awbs.includes('ED000000001'), 'the AWB made earlier is the one listed');
  await page.screenshot({ path: path.join(RESULTS, 'bulk-awb.png') });
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('owner cancels an AWB that has not left, and the order gets a new one (en)', async () => {
  const api = new Api(h.base);
  await api.call('POST', '/auth/login', OWNER);
  // A packer, so the order is his: a cancellation for a packing error proposes his penalty.
  await api.call('POST', '/packers', { name: 'Vlad Munteanu', username: 'vlad', pin: '482913' });
  const order = await api.call<{ id: number }>('POST', '/orders', {
    billing: {
      first_name: 'Ana',
      last_name: 'Pop',
      phone: '0722000222',
      address_1: 'Str. Lungă 2',
      city: 'Brașov',
      state: 'BV',
    },
    items: [{ sku: 'CANA-1', name: 'Cană', quantity: 1, unit_price: '30.00' }],
    payment_method: 'cod',
    payment_method_title: 'Cash on delivery',
  });
  const page = await h.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('orders-table').waitFor();
  await page.evaluate(() => window.localStorage.setItem('ecomdir.language', 'en'));
  await page.goto(`${h.base}/orders/${order.id}`);
  await page.getByTestId('generate-awb').click();
  const row = page.getByTestId('shipment-row');
  await row.filter({ hasText: 'AWB created' }).waitFor();
  const first = /ED\d{9}/.exec((await row.textContent()) ?? '')?.[0];
  assert.ok(first);
  // Cancel asks once more before it acts.
  await page.getByTestId('shipment-cancel').click();
  await page.getByTestId('shipment-cancel').filter({ hasText: 'Really cancel?' }).waitFor();
  await assertNothingClipped(page, 'order shipments on a phone');
  await page.getByTestId('shipment-cancel').click();
  await page.getByText(`AWB ${first} cancelled`).first().waitFor();
  await row.filter({ hasText: 'Cancelled' }).waitFor();
  // The order can be shipped again: a new AWB, not the cancelled one.
  await page.getByTestId('generate-awb').click();
  await page.getByTestId('shipment-row').filter({ hasText: 'AWB created' }).waitFor();
  const awbs = ((await page.getByTestId('order-shipments').textContent()) ?? '').match(/ED\d{9}/g);
  assert.equal(new Set(awbs).size, 2, `two AWBs listed: ${awbs?.join(', ')}`);
  // The second label was wrong because of a packing mistake: cancelled as such, by keyboard.
  const second = awbs?.find((a) => a !== first);
  await page.getByTestId('shipment-cancel').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.getByTestId('shipment-cancel-packing-error').waitFor();
  await assertNothingClipped(page, 'cancel choices on a phone');
  await page.keyboard.press('Enter');
  await page.getByText(`AWB ${second} cancelled`).first().waitFor();
  // The owner finds the proposal in the penalties ledger, saying which rule made it.
  await page.goto(`${h.base}/penalties`);
  const proposal = page.getByTestId('penalty-row').filter({ hasText: 'AWB cancelled' });
  await proposal.first().waitFor();
  assert.equal(await proposal.first().getAttribute('data-state'), 'proposed');
  assert.match((await proposal.first().textContent()) ?? '', /Vlad Munteanu/);
  assert.deepEqual(pageErrors, []);
  await page.close();
});
