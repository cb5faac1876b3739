// Cash on delivery in Chromium at phone width: three COD parcels of the own courier (two
// delivered, one returned); the owner uploads a recorded settlement file by clicking, confirms
// the columns the page detected, imports with the keyboard, and sees the result (two new lines,
// one AWB not found), the totals, the returned flag and the order's COD state; the same file
// again adds nothing.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Api, startHarness, type Harness } from './support/harness.ts';
import { assertNothingClipped, shot, SIZES } from './support/layout.ts';

const OWNER = { email: 'rambursuri@example.ro', password: 'parola-sigura-1' };
const FILE = path.join(import.meta.dirname, 'fixtures', 'cod-settlement.csv');
let h: Harness;

before(async () => {
  h = await startHarness();
});
after(() => h?.close());

const codOrder = (last: string) => ({
  billing: {
    first_name: 'Ștefan',
    last_name: last,
    phone: '0722123456',
    address_1: 'Str. Mărășești 12',
    city: 'Brașov',
    state: 'BV',
  },
  items: [{ sku: 'TRC-001', name: 'Tricou', quantity: 1, unit_price: '49.90' }],
  payment_method: 'cod',
});

const text = (page: Page, id: string) => page.getByTestId(id).innerText();

async function upload(page: Page): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('cod-file-choose').click(),
  ]);
  await chooser.setFiles(FILE);
  await page.getByTestId('cod-preview').waitFor();
}

test('COD page at phone width: upload a settlement, confirm the columns, see what it paid', async () => {
  const owner = new Api(h.base);
  await owner.call('POST', '/setup', { account_name: 'Magazin', name: 'Ana Pop', ...OWNER });
  await owner.call('PUT', '/shipping/settings', {
    sender_addresses: [
      {
        id: 'depozit',
        label: 'Depozit',
        name: 'Depozit',
        phone: '0264000111',
        address1: 'Str. Fabricii 3',
        city: 'Cluj-Napoca',
        county: 'Cluj',
      },
    ],
    own_awb_prefix: 'ED',
  });
  const made: { id: number; awb: string; order_id: number }[] = [];
  for (const last of ['Țurcanu', 'Șerban', 'Mureșan']) {
    const o = await owner.call<{ id: number }>('POST', '/orders', codOrder(last));
    made.push(await owner.call('POST', `/orders/${o.id}/shipments`, {}));
  }
  // The recorded file names the account's first own-courier AWB.
  assert.deepEqual(
    made.map((s) => s.awb),
    ['ED000000001', 'ED000000002', 'ED000000003'],
  );
  const [a, b, c] = made;
  assert.ok(a && b && c);
  await owner.call('POST', `/shipments/${a.id}/mark`, { status: 'delivered' });
  await owner.call('POST', `/shipments/${b.id}/mark`, { status: 'delivered' });
  await owner.call('POST', `/shipments/${c.id}/mark`, { status: 'returned' });

  const page = await h.browser.newPage({ viewport: SIZES.phone, locale: 'ro-RO', hasTouch: true });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('orders-table').waitFor();
  await page.goto(`${h.base}/cod`);
  await page.getByTestId('cod-days').waitFor();
  assert.match(await text(page, 'cod-total-outstanding'), /99,80/);
  assert.match(await text(page, 'cod-total-returned'), /49,90[\s\S]*1 colet/);
  await page.getByTestId('cod-list').waitFor();
  assert.equal(await page.getByTestId('cod-row').count(), 2);

  await upload(page);
  // The page shows the columns it recognised; the owner keeps them.
  assert.equal(await page.getByTestId('cod-col-awb').inputValue(), '0');
  assert.equal(await page.getByTestId('cod-col-amount').inputValue(), '2');
  assert.equal(await page.getByTestId('cod-col-paid_at').inputValue(), '3');
  assert.equal(await page.getByTestId('cod-col-reference').inputValue(), '4');
  await assertNothingClipped(page, 'COD preview, phone');
  await shot(page, 'cod-preview-phone');
  await page.getByTestId('cod-file-import').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('cod-import-result').waitFor();
  assert.match(await text(page, 'cod-result-new'), /2 rânduri noi/);
  assert.match(await text(page, 'cod-result-unmatched'), /1 negăsit/);
  assert.match(await text(page, 'cod-import-result'), /ED999999999/);
  await page.waitForFunction(() =>
    /49,90/.test(
      document.querySelector('[data-testid="cod-total-outstanding"]')?.textContent ?? '',
    ),
  );
  assert.match(await text(page, 'cod-total-unmatched'), /10,00/);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="cod-row"]').length === 1,
  );
  await assertNothingClipped(page, 'COD result, phone');
  await shot(page, 'cod-result-phone');

  // Returned parcels are flagged in their own list.
  await page.getByTestId('cod-filter').selectOption('returned');
  await page.getByTestId('cod-flag-returned').waitFor();
  assert.equal(await page.getByTestId('cod-row').count(), 1);

  // The same file again: nothing new, the money counted once.
  await upload(page);
  await page.getByTestId('cod-file-import').click();
  await page.waitForFunction(() =>
    /0 rânduri noi|0 de rânduri noi/.test(
      document.querySelector('[data-testid="cod-result-new"]')?.textContent ?? '',
    ),
  );
  assert.match(await text(page, 'cod-result-known'), /2 deja cunoscute/);
  assert.match(await text(page, 'cod-total-outstanding'), /49,90/);

  // The order page shows its COD state.
  await page.goto(`${h.base}/orders/${a.order_id}`);
  await page.getByTestId('order-cod').waitFor();
  assert.match(await text(page, 'order-cod'), /ED000000001[\s\S]*Virat/);
  await assertNothingClipped(page, 'order COD, phone');
  assert.deepEqual(pageErrors, []);
  await page.close();
});
