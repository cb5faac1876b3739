// Shipping from the orders list and at the station, in Chromium at phone width: the owner
// filters "packed, no AWB", makes the AWBs of the selection, finds them again under "AWB not
// handed over" and opens their labels and picking list as PDFs; then a packer packs an order
// and the station's "Generate AWB & print label" (pressed with Enter) serves its label.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { Api, startHarness, type Harness } from './support/harness.ts';
import { assertNothingClipped, shot, SIZES } from './support/layout.ts';

const OWNER = { email: 'ana@example.ro', password: 'parola-sigura-1' };
const PACKER = { username: 'ion', pin: '123412' };
let h: Harness;

before(async () => {
  h = await startHarness();
});
after(() => h?.close());

const phoneOrder = (last: string) => ({
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

/**
 * Keeps each Blob the page turns into an address, by address: the page's CSP forbids it to
 * fetch blob: addresses and devtools do not keep the body of a fetch read as a blob, so the
 * test reads the very document the page shows this way.
 */
async function keepBlobs(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const made = new Map<string, Blob>();
    (window as unknown as { __blobs: Map<string, Blob> }).__blobs = made;
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (obj: Blob | MediaSource) => {
      const url = original(obj);
      if (obj instanceof Blob) made.set(url, obj);
      return url;
    };
  });
}

/** The server's answer is a PDF, and so is the document the page shows (its blob: address). */
async function assertPdf(res: Response, page: Page, blobUrl: string): Promise<void> {
  assert.equal(res.status(), 200);
  assert.equal(res.headers()['content-type'], 'application/pdf');
  assert.match(blobUrl, /^blob:/);
  const head = await page.evaluate(async (url) => {
    const blob = (window as unknown as { __blobs: Map<string, Blob> }).__blobs.get(url);
    if (!blob) return null;
    return { type: blob.type, start: await blob.slice(0, 5).text(), size: blob.size };
  }, blobUrl);
  assert.ok(head, `the page made no document at ${blobUrl}`);
  assert.equal(head.type, 'application/pdf');
  assert.equal(head.start, '%PDF-');
  assert.ok(head.size > 1000, String(head.size));
}

const rowIds = (page: Page) =>
  page
    .getByTestId('order-row')
    .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-order-id'))).sort());

async function waitForRows(page: Page, ids: number[]): Promise<void> {
  const want = [...ids].sort();
  for (let i = 0; i < 100; i++) {
    if (JSON.stringify(await rowIds(page)) === JSON.stringify(want)) return;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(await rowIds(page), want);
}

async function pickOption(page: Page, select: string, option: string): Promise<void> {
  await page.getByTestId(select).click();
  await page.getByRole('option', { name: option }).click();
}

test('orders table at phone width: filter, bulk AWBs, labels; the station prints after packing', async () => {
  const owner = new Api(h.base);
  await owner.call('POST', '/setup', { account_name: 'Depozit', name: 'Ana Popescu', ...OWNER });
  const settings = (on_pack: 'button' | 'automatic') =>
    owner.call('PUT', '/shipping/settings', {
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
      on_pack,
    });
  await settings('button');
  await owner.call('POST', '/packers', { name: 'Ion Ionescu', ...PACKER });
  // Distribution gives every order to Ion, the only packer.
  const [a, b, c] = [
    await owner.call<{ id: number }>('POST', '/orders', phoneOrder('Țurcanu')),
    await owner.call<{ id: number }>('POST', '/orders', phoneOrder('Șerban')),
    await owner.call<{ id: number }>('POST', '/orders', phoneOrder('Mureșan')),
  ];
  assert.ok(a && b && c);
  const me = await owner.call<{ account: { station_code: string } }>('GET', '/auth/me');
  const packer = new Api(h.base);
  await packer.call('POST', '/auth/packer-login', {
    station_code: me.account.station_code,
    ...PACKER,
  });
  // A and B packed (no AWB yet); C still waits for the station.
  for (const o of [a, b]) {
    await packer.call('POST', `/orders/${o.id}/confirm`, {});
    await packer.call('POST', `/station/orders/${o.id}/scan`, { code: 'TRC-001' });
  }

  const page = await h.browser.newPage({ viewport: SIZES.phone, locale: 'ro-RO', hasTouch: true });
  await keepBlobs(page);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.locator('[data-testid="orders-table"][data-layout="cards"]').waitFor();
  await waitForRows(page, [a.id, b.id, c.id]);

  await pickOption(page, 'filter-shipping', 'Împachetate, fără AWB');
  await waitForRows(page, [a.id, b.id]);
  assert.match(page.url(), /shipping=packed_no_awb/);
  await assertNothingClipped(page, 'orders filtered, phone');

  await page.getByTestId('orders-select-all').check();
  await page.getByTestId('bulk-awb').click();
  await page.waitForFunction(
    () =>
      /2 din 2 gata: 2 AWB-uri, 0 negenerate/.test(
        document.querySelector('[data-testid="bulk-awb-summary"]')?.textContent ?? '',
      ),
    null,
    { timeout: 30_000 },
  );
  await page.keyboard.press('Escape');
  // Made, so no longer "packed, no AWB": they are now "AWB not handed over".
  await waitForRows(page, []);
  await pickOption(page, 'filter-shipping', 'AWB nepredat curierului');
  await waitForRows(page, [a.id, b.id]);

  await page.getByTestId('orders-select-all').check();
  await page.getByTestId('bulk-documents').click();
  await page.getByTestId('open-labels').waitFor();
  await assertNothingClipped(page, 'documents, phone');
  await shot(page, 'orders-documents-phone');
  const [labels, tab] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/shipments/labels?')),
    page.waitForEvent('popup'),
    page.getByTestId('open-labels').click(),
  ]);
  assert.match(labels.url(), /format=a6&sort=order/);
  await tab.waitForURL(/^blob:/);
  await assertPdf(labels, page, tab.url());
  await tab.close();
  const [picking, pickingTab] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/shipments/slips?')),
    page.waitForEvent('popup'),
    page.getByTestId('open-picking').click(),
  ]);
  await pickingTab.waitForURL(/^blob:/);
  await assertPdf(picking, page, pickingTab.url());
  await pickingTab.close();
  assert.match(picking.url(), /kind=picking/);
  assert.deepEqual(pageErrors, []);
  await page.close();

  // The station: Ion packs C, then Enter on the focused button makes the AWB and the label.
  const station = await h.browser.newPage({ viewport: SIZES.phone, locale: 'ro-RO' });
  await keepBlobs(station);
  const stationErrors: string[] = [];
  station.on('pageerror', (e) => stationErrors.push(e.message));
  await station.goto(`${h.base}/station/${me.account.station_code}`);
  await station.getByTestId('login-username').fill(PACKER.username);
  await station.getByTestId('login-pin').fill(PACKER.pin);
  await station.getByTestId('login-packer-submit').click();
  await station
    .locator(`[data-testid="queue-order"][data-order-id="${c.id}"] [data-testid="confirm-order"]`)
    .click();
  await station.getByTestId('scan-input').waitFor();
  await station.keyboard.type('TRC-001');
  await station.keyboard.press('Enter');
  await station.getByTestId('packed-banner').waitFor();
  await station.getByTestId('station-generate-label').waitFor();
  await station.waitForFunction(
    () => document.activeElement?.getAttribute('data-testid') === 'station-generate-label',
  );
  await assertNothingClipped(station, 'station after packing, phone');
  const [label, labelTab] = await Promise.all([
    station.waitForResponse((r) => r.url().includes(`/api/station/orders/${c.id}/label`)),
    station.waitForEvent('popup'),
    station.keyboard.press('Enter'),
  ]);
  await labelTab.waitForURL(/^blob:/);
  await assertPdf(label, station, labelTab.url());
  await labelTab.close();
  await station.getByTestId('station-label-ready').waitFor();
  assert.match((await station.getByTestId('station-label-ready').textContent()) ?? '', /ED\d{9}/);
  // Printed again from the button that stays (focused for Enter).
  assert.equal(
    await station.getByTestId('station-open-label').getAttribute('href'),
    labelTab.url(),
  );
  await assertNothingClipped(station, 'station label, phone');
  await shot(station, 'station-label-phone');

  // "automatic": the next order's label is made once it is packed, with no button to press.
  await settings('automatic');
  const d = await owner.call<{ id: number }>('POST', '/orders', phoneOrder('Dumitrașcu'));
  await station.getByTestId('back-to-queue').click();
  await station
    .locator(`[data-testid="queue-order"][data-order-id="${d.id}"] [data-testid="confirm-order"]`)
    .click();
  await station.getByTestId('scan-input').waitFor();
  const [autoLabel] = await Promise.all([
    station.waitForResponse((r) => r.url().includes(`/api/station/orders/${d.id}/label`)),
    (async () => {
      await station.keyboard.type('TRC-001');
      await station.keyboard.press('Enter');
    })(),
  ]);
  await station.getByTestId('station-label-ready').waitFor();
  assert.equal(await station.getByTestId('station-generate-label').count(), 0);
  const autoUrl = await station.getByTestId('station-open-label').getAttribute('href');
  await assertPdf(autoLabel, station, autoUrl ?? '');
  assert.deepEqual(stationErrors, []);
  await station.close();
});
