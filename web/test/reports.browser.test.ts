// The Reports journey of issue 16 in Chromium against the real server: a history of two
// stores, two packers and two couriers is written into the database with hand-chosen instants
// (the journey is about reading reports, not making orders); the owner opens Reports (RO,
// desktop), reads the packers' figures in the table and on the charts, changes the period and
// the store and sees both change, reads a bar's tooltip, downloads CSV and XLSX and finds the
// page's figures in them, prints, reads the Days and Stores & couriers tabs; then EN on a phone
// (a link keeps the period; no sideways page scroll, the tables scroll); a manager may read the
// page, a packer is sent to the station.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { readCsv, readXlsx } from '../../server/test/support/report-files.ts';
import { PACKER_COLUMNS, headerOf } from '../../server/src/modules/reports/exports/tables.ts';
import en from '../src/i18n/en.json' with { type: 'json' };
import ro from '../src/i18n/ro.json' with { type: 'json' };
import { Api, startHarness } from './support/harness.ts';
import { checkpoints, openFromMenu } from './support/journey.ts';
import {
  OWNER,
  STORES,
  axisLabels,
  barLabels,
  binsDrawn,
  cell,
  dayAgo,
  newContext,
  packerShows,
  seedHistory,
  staffLogin,
} from './support/report-history.ts';

const MANAGER = { name: 'Mara Manager', email: 'mara@example.ro', password: 'parola-sigura-2' };
const ION = { name: 'Ion Ionescu', username: 'ion', pin: '123412' };

async function download(page: Page, testId: string, dir: string): Promise<Buffer> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const file = path.join(dir, dl.suggestedFilename());
  await dl.saveAs(file);
  return fs.readFileSync(file);
}

test('the reports journey (ro desktop, en phone, manager, packer)', async (t) => {
  const steps = checkpoints('reports-ro-desktop', 'ro');
  let finished = false;
  t.after(async () => {
    if (!finished) await steps.failed();
  });
  const h = await startHarness({ ECOMDIR_WORKER: 'false' });
  t.after(() => h.close());
  const pageErrors: string[] = [];

  const api = new Api(h.base);
  await api.call('POST', '/setup', { account_name: 'Atelierul Ana', ...OWNER });
  await api.call('POST', '/users', MANAGER);
  await api.call('POST', '/packers', ION);
  const me = await api.call<{ account: { id: number; station_code: string } }>('GET', '/auth/me');
  await seedHistory(h, me.account.id);

  // ── The owner opens Reports from the menu: the last 30 days by default.
  const ctx = await newContext(h, 'ro', 'desktop');
  const page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await staffLogin(page, h.base, OWNER);
  await openFromMenu(page, 'reports');
  await packerShows(page, 'Ana', 6, 12);
  await packerShows(page, 'Bogdan', 6, 10);
  assert.equal(
    (await cell(page, 'Ana', 'penalties_sum').innerText()).replace(/\s/g, ' '),
    '25,00 RON',
  );
  assert.equal(await cell(page, 'Ana', 'to_pack.median_wall').innerText(), '12 min');
  assert.equal(await cell(page, 'Bogdan', 'to_pack.median_wall').innerText(), '40 min');
  // Packers side by side: packed then items, Ana then Bogdan (Ion packed nothing: no bar).
  assert.deepEqual(await axisLabels(page, 'chart-packers'), ['Ana', 'Bogdan']);
  assert.deepEqual(await barLabels(page, 'chart-packers'), [6, 6, 12, 10]);
  // Time to pack by bins 0,5,10,15,30,60,120,240+: Ana's 6 in 10–15, Bogdan's 6 in 30–60.
  assert.deepEqual(await axisLabels(page, 'chart-time-to-pack'), [
    '0–5 min',
    '5–10 min',
    '10–15 min',
    '15–30 min',
    '30–60 min',
    '1–2 h',
    '2–4 h',
    '≥ 4 h',
  ]);
  assert.deepEqual(await binsDrawn(page, 'chart-time-to-pack'), {
    '10–15 min': 6,
    '30–60 min': 6,
  });
  await steps.check(page, 'packers-last-30-days');

  // ── The last 7 days: the table and both charts change; the address keeps the period.
  await page.getByTestId('report-period').selectOption('last7');
  await page.waitForURL(/period=last7/);
  await packerShows(page, 'Ana', 4, 10);
  await packerShows(page, 'Bogdan', 2, 6);
  assert.deepEqual(await barLabels(page, 'chart-packers'), [4, 2, 10, 6]);
  assert.deepEqual(await binsDrawn(page, 'chart-time-to-pack'), {
    '10–15 min': 4,
    '30–60 min': 2,
  });
  await page.reload();
  await packerShows(page, 'Ana', 4, 10);
  assert.equal(await page.getByTestId('report-period').inputValue(), 'last7');

  // ── Only the bookshop: Ana's one parcel there, Bogdan's two.
  await page.getByTestId('report-store').selectOption({ label: STORES.books });
  await page.waitForURL(/store=\d+/);
  await packerShows(page, 'Ana', 1, 4);
  await packerShows(page, 'Bogdan', 2, 6);
  assert.deepEqual(await barLabels(page, 'chart-packers'), [1, 2, 4, 6]);
  assert.deepEqual(await binsDrawn(page, 'chart-time-to-pack'), {
    '10–15 min': 1,
    '30–60 min': 2,
  });

  // A bar's tooltip: Bogdan's packed bar says his figures, in Romanian.
  await page.getByTestId('chart-packers').locator('.recharts-bar-rectangle').nth(1).hover();
  const tooltip = page.getByTestId('chart-packers').locator('.recharts-tooltip-wrapper');
  await tooltip.filter({ hasText: 'Bogdan' }).waitFor();
  const tip = await tooltip.innerText();
  assert.match(tip, new RegExp(`${ro.reports.packers.packed}\\s*:\\s*2`), tip);
  assert.match(tip, new RegExp(`${ro.reports.packers.items}\\s*:\\s*6`), tip);
  await steps.check(page, 'packers-bookshop-tooltip');
  await page
    .getByTestId('chart-packers')
    .screenshot({ path: path.join(steps.dir, 'chart-packers.png') });
  await page
    .getByTestId('chart-time-to-pack')
    .screenshot({ path: path.join(steps.dir, 'chart-time-to-pack.png') });

  // ── The exports say what the page says (same period, same store, Romanian headers).
  const csv = readCsv(await download(page, 'export-packers-csv', steps.dir));
  const xlsx = (await readXlsx(await download(page, 'export-packers-xlsx', steps.dir))).rows;
  const colOf = (key: string) => {
    const c = PACKER_COLUMNS.find((x) => x.key === key);
    assert.ok(c);
    return headerOf(c, 'ro', 'RON');
  };
  for (const [name, table] of [
    ['csv', csv],
    ['xlsx', xlsx],
  ] as const) {
    const header = (table[0] ?? []).map(String);
    const ana = table.find((r) => String(r[header.indexOf(colOf('packer_name'))]) === 'Ana');
    assert.ok(ana, `${name}: a row for Ana`);
    for (const key of ['packed', 'items_packed'])
      assert.equal(
        String(ana[header.indexOf(colOf(key))]),
        await cell(page, 'Ana', key).innerText(),
        `${name}: ${key}`,
      );
  }

  // ── Printed: no menu, the charts at their paper width.
  await page.emulateMedia({ media: 'print' });
  await page.locator('.mantine-AppShell-navbar').waitFor({ state: 'hidden' });
  await page.waitForFunction(
    () =>
      document
        .querySelector('[data-testid="chart-packers"] svg.recharts-surface[role="application"]')
        ?.getAttribute('width') === '960',
  );
  await page.pdf({ path: path.join(steps.dir, 'reports-print.pdf'), landscape: true });
  await page.emulateMedia({ media: 'screen' });

  // ── Days, all stores again: three orders came in two days ago, three were packed and shipped.
  await page.getByTestId('report-store').selectOption({ index: 0 });
  await page.waitForURL((u) => !u.searchParams.has('store'));
  await page.getByTestId('report-tab-days').click();
  const day2 = page.locator(`[data-testid="day-row"][data-day="${dayAgo(2)}"]`);
  await day2.locator('[data-col="orders_in"]').filter({ hasText: /^3$/ }).waitFor();
  assert.equal(await day2.locator('[data-col="packed"]').innerText(), '3');
  assert.equal(await day2.locator('[data-col="shipped"]').innerText(), '3');
  const totals = page.getByTestId('days-totals');
  assert.equal(await totals.locator('[data-col="orders_in"]').innerText(), '6');
  assert.equal(await totals.locator('[data-col="packed"]').innerText(), '6');
  const day1 = page.locator(`[data-testid="day-row"][data-day="${dayAgo(1)}"]`);
  assert.equal(await day1.locator('[data-col="delivered"]').innerText(), '5');
  assert.equal(await day1.locator('[data-col="returned"]').innerText(), '1');
  assert.equal(await totals.locator('[data-col="delivered"]').innerText(), '5');
  // Seven days, three bars each (in, packed, shipped); two days ago: 3, 3, 3.
  await page.getByTestId('chart-days').locator('.recharts-bar-rectangle').first().waitFor();
  assert.equal(await page.getByTestId('day-row').count(), 7);
  await steps.check(page, 'days');
  await page.getByTestId('chart-days').screenshot({ path: path.join(steps.dir, 'chart-days.png') });

  // ── Stores & couriers: three orders and three AWBs each; Sameday 3, FAN Courier 3.
  await page.getByTestId('report-tab-shipping').click();
  const storeRow = (name: string) =>
    page.getByTestId('stores-table').locator('[data-testid="shipping-row"]', { hasText: name });
  await storeRow(STORES.books).locator('[data-col="orders"]').filter({ hasText: /^3$/ }).waitFor();
  assert.equal(await storeRow(STORES.books).locator('[data-col="shipments"]').innerText(), '3');
  assert.equal(await storeRow(STORES.flowers).locator('[data-col="orders"]').innerText(), '3');
  const courierRow = (key: string) =>
    page.locator(`[data-testid="couriers-table"] [data-testid="shipping-row"][data-key="${key}"]`);
  const text = async (row: ReturnType<typeof courierRow>, col: string) =>
    (await row.locator(`[data-col="${col}"]`).innerText()).replace(/\s/g, ' ');
  assert.equal(await text(courierRow('sameday'), 'shipments'), '3');
  assert.equal(await text(courierRow('fan'), 'shipments'), '3');
  // Named as the courier list names them; rates = delivered / (delivered + returned).
  assert.equal(await courierRow('sameday').locator('td').first().innerText(), 'Sameday');
  assert.equal(await courierRow('fan').locator('td').first().innerText(), 'FAN Courier');
  assert.equal(await text(courierRow('sameday'), 'delivery_rate'), '66,7 %');
  assert.equal(await text(courierRow('sameday'), 'return_rate'), '33,3 %');
  assert.equal(await text(courierRow('fan'), 'delivery_rate'), '100 %');
  assert.equal(await text(storeRow(STORES.flowers), 'returned'), '1');
  assert.equal(await text(storeRow(STORES.books), 'delivered'), '3');
  // The rates chart's tooltip over Sameday says the same.
  const rates = page.getByTestId('chart-rates-couriers');
  const tick = rates.locator('.recharts-xAxis-tick-labels text', { hasText: 'Sameday' });
  const tickBox = await tick.boundingBox();
  const plotBox = await rates.locator('svg.recharts-surface[role="application"]').boundingBox();
  assert.ok(tickBox && plotBox);
  await page.mouse.move(tickBox.x + tickBox.width / 2, plotBox.y + plotBox.height / 2);
  const rateTip = rates.locator('.recharts-tooltip-wrapper');
  await rateTip.filter({ hasText: 'Sameday' }).waitFor();
  const rateText = (await rateTip.innerText()).replace(/\s+/g, ' ');
  assert.ok(rateText.includes(`${ro.reports.shipping.deliveryRate} : 66,7 %`), rateText);
  assert.ok(rateText.includes(`${ro.reports.shipping.returnRate} : 33,3 %`), rateText);
  await rates.screenshot({ path: path.join(steps.dir, 'chart-rates-couriers.png') });
  await steps.check(page, 'stores-and-couriers');
  assert.deepEqual(pageErrors, []);
  await ctx.close();

  // ── EN on a phone, from a link with the period: no sideways page, the table scrolls.
  const phoneSteps = checkpoints('reports-en-phone', 'en');
  const phoneCtx = await newContext(h, 'en', 'phone');
  const phone = await phoneCtx.newPage();
  await staffLogin(phone, h.base, OWNER);
  await phone.goto(`${h.base}/reports?period=last7`);
  await packerShows(phone, 'Ana', 4, 10);
  assert.equal(
    await phone.getByTestId('report-period').locator('option:checked').innerText(),
    en.reports.presets.last7,
  );
  await phoneSteps.check(phone, 'packers');
  const scrolls = await phone.getByTestId('packers-table').evaluate((table) => {
    for (let el = table.parentElement; el; el = el.parentElement) {
      const x = getComputedStyle(el).overflowX;
      if ((x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth) return true;
    }
    return false;
  });
  assert.ok(scrolls, 'the packers table scrolls sideways inside its box');
  await phone.getByTestId('report-tab-days').click();
  await phone.getByTestId('days-table').waitFor();
  await phoneSteps.check(phone, 'days');
  await phone.getByTestId('report-tab-shipping').click();
  await phone.getByTestId('stores-table').waitFor();
  await phoneSteps.check(phone, 'stores-and-couriers');
  await phoneCtx.close();

  // ── A manager reads the same report; a packer is sent to the station.
  const mCtx = await newContext(h, 'ro', 'desktop');
  const manager = await mCtx.newPage();
  await staffLogin(manager, h.base, MANAGER);
  await manager.goto(`${h.base}/reports?period=last7`);
  await packerShows(manager, 'Ana', 4, 10);
  await mCtx.close();
  const pCtx = await newContext(h, 'ro', 'tablet');
  const ion = await pCtx.newPage();
  await ion.goto(`${h.base}/station/${me.account.station_code}`);
  await ion.getByTestId('login-username').pressSequentially(ION.username);
  await ion.getByTestId('login-pin').pressSequentially(ION.pin);
  await ion.getByTestId('login-packer-submit').click();
  await ion.waitForURL(/\/station$/);
  await ion.goto(`${h.base}/reports`);
  await ion.waitForURL(/\/station$/);
  assert.equal(await ion.getByTestId('packers-table').count(), 0);
  await pCtx.close();
  finished = true;
});
