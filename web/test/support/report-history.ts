// The Reports journeys' shared history (two stores, two packers, two couriers, written into the
// database with hand-chosen instants) and the ways they read the page: a packer's figures in
// the table, the numbers on the charts' bars.
import type { BrowserContext, Page } from 'playwright-core';
import { ReportRows } from '../../../server/test/support/report-rows.ts';
import { addDays, localDayOf, localMidnight } from '../../../server/src/shared/local-days.ts';
import type { Harness } from './harness.ts';
import { SIZES, type SizeName } from './layout.ts';

export const TZ = 'Europe/Bucharest';
const MIN = 60_000;
export const OWNER = { name: 'Ana Popescu', email: 'ana@example.ro', password: 'parola-sigura-1' };

export const today = localDayOf(Date.now(), TZ);
export const dayAgo = (k: number) => addDays(today, -k);
/** An instant `k` local days ago at hh:mm in Bucharest (DST-safe: from that day's midnight). */
const at = (k: number, hh: number, mm = 0) => localMidnight(dayAgo(k), TZ) + (hh * 60 + mm) * MIN;

/**
 * The history, by hand: [packer, store, items, days ago, minutes confirm→packed, courier].
 * Ana packs in 12 minutes, Bogdan in 40. Within the last 7 days: Ana 4 parcels (10 items, one
 * of them for the bookshop), Bogdan 2 (6 items, both for the bookshop); 20 days ago Ana 2
 * (2 items) and Bogdan 4 (4 items), all for the flower shop. So:
 *   last 30 days, all stores:  Ana 6 packed / 12 items, Bogdan 6 / 10
 *   last 7 days, all stores:   Ana 4 / 10,             Bogdan 2 / 6
 *   last 7 days, bookshop:     Ana 1 / 4,              Bogdan 2 / 6
 * By day and courier (the AWBs are made the day of packing):
 *   4 to 3 days ago, every courier: Ana 2 / 7,  Bogdan 1 / 1
 *   4 to 3 days ago, FAN Courier:   Ana 1 / 4,  Bogdan 1 / 1
 *   4 to 3 days ago, Sameday:       Ana 1 / 3,  Bogdan 0 / 0
 *   2 days ago, FAN Courier:        Ana 0 / 0,  Bogdan 1 / 5
 */
type Pack = ['ana' | 'bogdan', 'flowers' | 'books', number, number, number, string | null];
export const HISTORY: Pack[] = [
  ['ana', 'flowers', 2, 2, 12, 'sameday'],
  ['ana', 'flowers', 1, 2, 12, 'sameday'],
  ['ana', 'flowers', 3, 3, 12, 'sameday'],
  ['ana', 'books', 4, 3, 12, 'fan'],
  ['bogdan', 'books', 5, 2, 40, 'fan'],
  ['bogdan', 'books', 1, 4, 40, 'fan'],
  ['ana', 'flowers', 1, 20, 12, null],
  ['ana', 'flowers', 1, 20, 12, null],
  ['bogdan', 'flowers', 1, 20, 40, null],
  ['bogdan', 'flowers', 1, 20, 40, null],
  ['bogdan', 'flowers', 1, 20, 40, null],
  ['bogdan', 'flowers', 1, 20, 40, null],
];
export const STORES = { flowers: 'Florăria Ana', books: 'Librăria Bogdan' };

export async function seedHistory(h: Harness, accountId: number): Promise<void> {
  const rows = new ReportRows(h.app.database.db, accountId);
  const store = {
    flowers: await rows.store(STORES.flowers),
    books: await rows.store(STORES.books),
  };
  const packer = { ana: await rows.packer('Ana'), bogdan: await rows.packer('Bogdan') };
  const shipments: { courier: string; id: number }[] = [];
  for (const [who, shop, items, k, minutes, courier] of HISTORY) {
    const orderId = await rows.order({ storeId: store[shop], items, createdAt: at(k, 8) });
    await rows.assignment({
      orderId,
      packerId: packer[who],
      assigned: at(k, 9),
      confirmed: at(k, 9, 5),
      packed: at(k, 9, 5 + minutes),
      confirmWorkMs: 5 * MIN,
      packWorkMs: minutes * MIN,
    });
    if (courier)
      shipments.push({
        courier,
        id: await rows.shipment({
          orderId,
          storeId: store[shop],
          courier,
          phase: 'made',
          at: at(k, 11),
        }),
      });
  }
  // Tracking said yesterday afternoon: Sameday delivered two and brought one back (the third
  // flower order), FAN Courier delivered its three.
  const sameday = shipments.filter((x) => x.courier === 'sameday').map((x) => x.id);
  const fan = shipments.filter((x) => x.courier === 'fan').map((x) => x.id);
  const outcome = [
    ...sameday.map((id, i) => [id, i < 2 ? 'delivered' : 'returned'] as const),
    ...fan.map((id) => [id, 'delivered'] as const),
  ];
  for (const [id, status] of outcome)
    await h.app.database.db
      .updateTable('shipments')
      .set({ status, updated_at: at(1, 15) })
      .where('id', '=', id)
      .execute();
  // One penalty of 25.00 RON applied to Ana two days ago.
  await rows.penalty({
    packerId: packer.ana,
    orderId: null,
    amount: 2500,
    at: at(2, 12),
    states: ['proposed', 'applied'],
  });
}

export async function newContext(
  h: Harness,
  lang: string,
  size: SizeName,
): Promise<BrowserContext> {
  const ctx = await h.browser.newContext({
    viewport: SIZES[size],
    hasTouch: size !== 'desktop',
    locale: lang === 'ro' ? 'ro-RO' : 'en-GB',
    acceptDownloads: true,
  });
  await ctx.addInitScript((l) => localStorage.setItem('ecomdir.language', l), lang);
  return ctx;
}

export async function staffLogin(
  page: Page,
  base: string,
  who: { email: string; password: string },
) {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-email').pressSequentially(who.email);
  await page.getByTestId('login-password').pressSequentially(who.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/orders$/);
}

/** A packer's figure as the table shows it. */
export const cell = (page: Page, packer: string, col: string) =>
  page.locator(`[data-testid="packer-row"][data-packer="${packer}"] [data-col="${col}"]`);

/** Waits until the table shows these packed/items figures for a packer (the query refetched). */
export async function packerShows(page: Page, packer: string, packed: number, items: number) {
  await cell(page, packer, 'packed')
    .filter({ hasText: new RegExp(`^${packed}$`) })
    .waitFor();
  await cell(page, packer, 'items_packed')
    .filter({ hasText: new RegExp(`^${items}$`) })
    .waitFor();
}

/** The numbers written on a chart's bars, in drawing order (bar series after bar series). */
export async function barLabels(page: Page, chart: string): Promise<number[]> {
  // A responsive chart draws once it has measured its box, a moment after the table.
  await page.getByTestId(chart).locator('.recharts-label-list text').first().waitFor();
  const texts = await page
    .getByTestId(chart)
    .locator('.recharts-label-list text')
    .allTextContents();
  return texts.map((t) => Number(t.trim()));
}

/**
 * The histogram as drawn: each number written on a bar, under the axis label it stands over
 * (an empty bin has no bar and no number).
 */
export async function binsDrawn(page: Page, chart: string): Promise<Record<string, number>> {
  await page.getByTestId(chart).locator('.recharts-label-list text').first().waitFor();
  return page.getByTestId(chart).evaluate((root) => {
    const ticks = [...root.querySelectorAll('.recharts-xAxis-tick-labels text')].map((t) => ({
      x: Number(t.getAttribute('x')),
      label: t.textContent ?? '',
    }));
    const out: Record<string, number> = {};
    for (const l of root.querySelectorAll('.recharts-label-list text')) {
      const x = Number(l.getAttribute('x'));
      const near = ticks.reduce((a, b) => (Math.abs(b.x - x) < Math.abs(a.x - x) ? b : a));
      out[near.label] = Number(l.textContent);
    }
    return out;
  });
}

export async function axisLabels(page: Page, chart: string): Promise<string[]> {
  await page.getByTestId(chart).locator('.recharts-xAxis-tick-labels text').first().waitFor();
  return page.getByTestId(chart).locator('.recharts-xAxis-tick-labels text').allTextContents();
}
