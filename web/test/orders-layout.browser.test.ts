// The orders list fits: at 1440 px in Romanian no status or payment badge is cut (every status,
// every payment state, the longest Romanian labels), and on a phone (390×844) the list is
// stacked cards that never scroll sideways, with every control reachable.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Api, startHarness, type Harness } from './support/harness.ts';
import { SIZES, assertNothingClipped, shot } from './support/layout.ts';

const OWNER = { email: 'ana@example.ro', password: 'parola-sigura-1' };
const STATUSES = [
  'new',
  'assigned',
  'confirmed',
  'packed',
  'shipped',
  'delivered',
  'returned',
  'cancelled',
] as const;

let h: Harness;

before(async () => {
  h = await startHarness();
  const api = new Api(h.base);
  await api.call('POST', '/setup', {
    account_name: 'Magazinul Test',
    name: 'Ana Popescu',
    ...OWNER,
  });
  const db = h.app.database.db;
  // Every status, and across them every payment state: cash on delivery paid and unpaid,
  // paid by card, unpaid transfer. The statuses are set in the database: this is about layout.
  for (const [i, status] of STATUSES.entries()) {
    const cod = i % 2 === 1;
    const o = await api.call<{ id: number }>('POST', '/orders', {
      billing: {
        first_name: i === 0 ? 'Maria-Magdalena Alexandra' : `Client${i}`,
        last_name: i === 0 ? 'Constantinescu-Dumitrescu' : 'Popescu',
        phone: `07220000${i}0`,
        address_1: `Str. Libertății nr. ${i + 1}`,
        city: i === 0 ? 'Câmpulung Moldovenesc' : 'Iași',
        state: 'IS',
      },
      items: [{ sku: `SKU-${i}`, name: `Produs ${i}`, quantity: 1, unit_price: '1249.90' }],
      payment_method: cod ? 'cod' : 'bacs',
      payment_method_title: cod ? 'Ramburs' : 'Transfer bancar',
    });
    await db
      .updateTable('orders')
      .set({ status, is_cod: cod ? 1 : 0, paid: i % 4 < 2 ? 1 : 0 })
      .where('id', '=', o.id)
      .execute();
  }
});

after(() => h?.close());

async function openOrders(size: keyof typeof SIZES, lang: 'ro' | 'en'): Promise<Page> {
  const page = await h.browser.newPage({ viewport: SIZES[size], locale: 'ro-RO' });
  await page.addInitScript((l) => localStorage.setItem('ecomdir.language', l), lang);
  await page.goto(`${h.base}/orders`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('orders-table').waitFor();
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="order-row"]').length === n,
    STATUSES.length,
  );
  return page;
}

/** Every badge of the list whose text does not fit its box (or ends in an ellipsis). */
function cutBadges(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const list = document.querySelector('[data-testid="orders-table"]');
    for (const el of list?.querySelectorAll<HTMLElement>(
      '.mantine-Badge-root, .mantine-Badge-label',
    ) ?? []) {
      const style = getComputedStyle(el);
      const ellipsis = style.textOverflow === 'ellipsis' && style.overflow !== 'visible';
      if (el.scrollWidth > el.clientWidth || ellipsis)
        out.push(`${el.textContent ?? ''} (${el.scrollWidth} > ${el.clientWidth})`);
    }
    return out;
  });
}

test('1440×900 in Romanian: no status or payment badge is cut', async () => {
  const page = await openOrders('desktop', 'ro');
  const statuses = await page
    .locator('[data-testid="status-badge"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  assert.deepEqual(new Set(statuses), new Set(STATUSES), 'every status is on the page');
  assert.ok(await page.getByTestId('cod-badge').count(), 'a cash-on-delivery badge');
  assert.ok(await page.getByTestId('paid-badge').count(), 'a paid badge');
  const texts = await page.locator('[data-testid="status-badge"]').allTextContents();
  assert.ok(
    texts.some((x) => /CONFIRMAT/i.test(x)),
    `Romanian labels: ${texts.join(', ')}`,
  );
  assert.deepEqual(await cutBadges(page), []);
  await assertNothingClipped(page, 'orders, 1440 px, ro');
  await shot(page, 'orders-layout-desktop-ro');
  await page.close();
});

for (const lang of ['ro', 'en'] as const) {
  test(`390×844 (${lang}): stacked cards, no sideways scroll, every action reachable`, async () => {
    const page = await openOrders('phone', lang);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    assert.ok(widths.scroll <= widths.client, `sideways scroll: ${JSON.stringify(widths)}`);
    // …nor does the list inside its own scroll area (the ten-column table did, 960 px wide).
    const inner = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('main *')]
        .filter(
          (el) =>
            el.closest('[data-testid="orders-table"]') ||
            el.querySelector('[data-testid="orders-table"]'),
        )
        .filter(
          (el) =>
            el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible',
        )
        .map((el) => `${el.className} ${el.scrollWidth} > ${el.clientWidth}`),
    );
    assert.deepEqual(inner, [], 'nothing in the list scrolls sideways');
    assert.equal(await page.getByTestId('orders-table').getAttribute('data-layout'), 'cards');
    assert.deepEqual(await cutBadges(page), []);
    await assertNothingClipped(page, `orders, phone, ${lang}`);
    await shot(page, `orders-layout-phone-${lang}`);

    // Selecting shows the bulk actions, inside the screen.
    await page.getByTestId('order-select').first().check();
    for (const id of ['bulk-assign', 'bulk-distribute']) {
      const button = page.getByTestId(id);
      if (!(await button.count())) continue;
      const box = await button.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= SIZES.phone.width, `${id} on screen`);
    }
    await assertNothingClipped(page, `orders with a selection, phone, ${lang}`);
    await page.getByTestId('bulk-assign').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await assertNothingClipped(page, `assign dialog, phone, ${lang}`);
    await page.locator('.mantine-Modal-close').click();
    await dialog.waitFor({ state: 'hidden' });
    // Select all, and open an order from its card.
    await page.getByTestId('orders-select-all').check();
    await page.getByTestId('bulk-bar').waitFor();
    await page.getByTestId('orders-select-all').uncheck();
    await page.getByTestId('order-link').first().click();
    await page.getByTestId('order-detail').waitFor();
    await page.close();
  });
}
