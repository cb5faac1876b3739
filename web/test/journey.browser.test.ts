// The everyday journey of issue 9, typed and clicked in Chromium after the first run: the owner
// adds packers with shifts (the Packers page form), adds a store by hand against the fake store
// (and an unreachable one: the plain message), the shop's orders arrive by themselves and are
// distributed automatically; the packer logs in on the station, confirms, scans (characters +
// Enter, like a scanner) and packs while the owner watches it live in another browser; then the
// owner overrides a confirmed order with a reason and the history says who and why. Only the
// shop's orders are seeded (the fake store's side); everything the journey is about goes through
// the UI. Every step: no clipped control, no sideways scroll, a numbered screenshot.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { startFakeStore, type FakeStore } from '../../server/test/support/fake-store.ts';
import en from '../src/i18n/en.json' with { type: 'json' };
import ro from '../src/i18n/ro.json' with { type: 'json' };
import { startHarness, type Harness } from './support/harness.ts';
import { bucharestNow, checkpoints, openFromMenu, shopOrder } from './support/journey.ts';
import { SIZES, type SizeName } from './support/layout.ts';

/**
 * `overrideOn`: the shop's plugin lets the owner override a locked order. Off, the store refuses
 * the move and the order page says so (and offers Retry); on, the move reaches the store.
 */
const RUNS: { lang: 'ro' | 'en'; size: SizeName; station: SizeName; overrideOn: boolean }[] = [
  { lang: 'ro', size: 'desktop', station: 'tablet', overrideOn: false },
  { lang: 'en', size: 'phone', station: 'phone', overrideOn: true },
  { lang: 'ro', size: 'phone', station: 'phone', overrideOn: false },
];

const OWNER = { name: 'Ana Popescu', email: 'ana@example.ro', password: 'parola-sigura-1' };
const ION = { name: 'Ion Ionescu', username: 'ion', pin: '123412' };
const DANA = { name: 'Dana Dinu', username: 'dana', pin: '432143' };
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanup.reverse()) await c();
});

/** A port nothing listens on: the "unreachable store" (connection refused, at once). */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** A keyboard-wedge scanner: fast keystrokes into whatever has focus, then Enter. */
async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
}

async function newContext(h: Harness, lang: string, size: SizeName): Promise<BrowserContext> {
  const ctx = await h.browser.newContext({
    viewport: SIZES[size],
    hasTouch: size !== 'desktop',
    locale: lang === 'ro' ? 'ro-RO' : 'en-GB',
  });
  await ctx.addInitScript((l) => localStorage.setItem('ecomdir.language', l), lang);
  return ctx;
}

/** Types one time into a TimePicker (hours, then minutes), as a person does. */
async function typeTime(page: Page, label: string, hhmm: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  const inputs = field.locator('input[inputmode="numeric"], input:not([type="hidden"])');
  await inputs.first().click();
  await page.keyboard.type(hhmm.replace(':', ''), { delay: 20 });
}

for (const { lang, size, station, overrideOn } of RUNS) {
  test(`the everyday journey (${lang}, ${size}, station ${station})`, async (t) => {
    const cat = lang === 'ro' ? ro : en;
    const run = `${lang}-${size}`;
    const steps = checkpoints(run, lang);
    let finished = false;
    t.after(async () => {
      if (!finished) await steps.failed();
    });
    // The store is polled every 5 s (the smallest the configuration allows), so the orders
    // the shop takes while the dashboard is open arrive within seconds.
    const h = await startHarness({ SYNC_POLL_SECONDS: '5' });
    const shop: FakeStore = await startFakeStore();
    shop.overrideAllowed = overrideOn;
    cleanup.push(
      () => h.close(),
      () => shop.close(),
    );
    const pageErrors: string[] = [];

    // ── The owner's first run (typed; first-run.browser.test.ts checks its validation).
    const ownerCtx = await newContext(h, lang, size);
    const owner = await ownerCtx.newPage();
    owner.on('pageerror', (e) => pageErrors.push(`owner: ${e.message}`));
    await owner.goto(`${h.base}/`);
    await owner.getByTestId('setup-account-name').pressSequentially('Atelierul Ana');
    await owner.getByTestId('setup-name').pressSequentially(OWNER.name);
    await owner.getByTestId('setup-email').pressSequentially(OWNER.email);
    await owner.getByTestId('setup-password').pressSequentially(OWNER.password);
    await owner.getByTestId('setup-submit').click();
    await owner.waitForURL(/\/orders$/);
    await owner.getByTestId('user-menu').waitFor();
    await steps.check(owner, 'orders-empty');

    // ── Packers: Ion works all day today and tomorrow (a run near midnight keeps him on
    // shift); Dana only the day after tomorrow (off shift now, whatever the hour).
    const today = bucharestNow().day;
    const later = (days: number) => WEEK[(WEEK.indexOf(today) + days) % 7] ?? 'mon';
    await openFromMenu(owner, 'packers');
    await owner.getByTestId('packers-empty').waitFor();
    await steps.check(owner, 'packers-empty');
    await owner.getByTestId('packer-new').first().click();
    await owner.getByTestId('packer-form').waitFor();
    await owner.getByTestId('packer-name').pressSequentially(ION.name);
    await owner.getByTestId('packer-username').pressSequentially(ION.username);
    await owner.getByTestId('packer-pin').pressSequentially(ION.pin);
    for (const day of [today, later(1)]) {
      await owner
        .getByTestId(`shift-day-${day}`)
        .getByRole('button', { name: cat.shifts.add })
        .click();
      const dayName = cat.weekdays.long[day as keyof typeof cat.weekdays.long];
      await typeTime(owner, cat.shifts.start.replace('{{day}}', dayName), '00:00');
      await typeTime(owner, cat.shifts.end.replace('{{day}}', dayName), '23:59');
    }
    await steps.check(owner, 'packer-form-ion');
    await owner.getByTestId('packer-save').click();
    await owner.getByText(cat.packers.saved.replace('{{name}}', ION.name)).waitFor();
    await owner.getByTestId('packer-row').first().waitFor();
    assert.match((await owner.getByTestId('packer-row').textContent()) ?? '', /00:00–23:59/);
    await steps.check(owner, 'packers-ion');

    await owner.getByTestId('packer-new').first().click();
    await owner.getByTestId('packer-name').pressSequentially(DANA.name);
    await owner.getByTestId('packer-username').pressSequentially(DANA.username);
    await owner.getByTestId('packer-pin').pressSequentially(DANA.pin);
    await owner
      .getByTestId(`shift-day-${later(2)}`)
      .getByRole('button', { name: cat.shifts.add })
      .click();
    await owner.getByTestId('packer-save').click();
    await owner.getByText(cat.packers.saved.replace('{{name}}', DANA.name)).waitFor();
    await owner.waitForFunction(
      () => document.querySelectorAll('[data-testid="packer-row"]').length === 2,
    );
    await steps.check(owner, 'packers-ion-dana');
    // The station's address, as the owner reads it here to open it on the packing table.
    const stationAddress = (await owner.getByTestId('station-address').textContent()) ?? '';
    assert.match(stationAddress, /\/station\/[A-Za-z0-9]+$/);

    // ── Stores: an address where nothing answers, then the shop itself.
    await openFromMenu(owner, 'stores');
    await owner.getByTestId('stores-empty').waitFor();
    await steps.check(owner, 'stores-empty');
    await owner.getByTestId('store-add').first().click();
    await owner
      .getByTestId('store-url')
      .pressSequentially(`http://127.0.0.1:${await closedPort()}`);
    await owner.getByTestId('store-app-password').pressSequentially(shop.password);
    await owner.getByTestId('store-add-submit').click();
    const addError = owner.getByTestId('store-add-error');
    await addError.waitFor();
    // The title and the sentence in the page's language; the server's own (English) words
    // only as the small detail under them (docs: errors by their code).
    const said = await addError.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      copy.querySelector('[data-testid="error-detail"]')?.remove();
      return copy.textContent ?? '';
    });
    assert.equal(said, `${cat.stores.addFailed}${cat.errors.store_connection_refused}`);
    await steps.check(owner, 'store-unreachable');

    await owner.getByTestId('store-url').fill('');
    await owner.getByTestId('store-url').pressSequentially(shop.url);
    await owner.getByTestId('store-add-submit').click();
    await owner.getByTestId('store-row').waitFor();
    await owner
      .getByTestId('store-health')
      .filter({ hasText: cat.stores.health.ok })
      .waitFor({ timeout: 30_000 });
    await steps.check(owner, 'store-connected');

    // ── The shop takes three orders while the owner looks at the orders page: they arrive
    // by themselves (the poller, then live updates) and go to Ion, the one packer on shift.
    await openFromMenu(owner, 'orders');
    await owner.evaluate(() => ((window as { journeyMark?: boolean }).journeyMark = true));
    shop.add(
      shopOrder(1, [
        { sku: 'TRC-001', name: 'Tricou alb bumbac', quantity: 2 },
        { sku: 'CAN-013', name: 'Cană ceramică 350 ml', quantity: 1 },
      ]),
    );
    shop.add(shopOrder(2, [{ sku: 'HAN-220', name: 'Hanorac gri cu glugă', quantity: 1 }]));
    shop.add(shopOrder(3, [{ sku: 'SOS-004', name: 'Șosete lână', quantity: 1 }]));
    for (const n of ['#1001', '#1002', '#1003'])
      await owner.getByText(n, { exact: true }).first().waitFor({ timeout: 30_000 });
    await owner.waitForFunction(
      ([name, count]) =>
        (document.querySelector('main')?.innerText.split(name as string).length ?? 0) - 1 >=
        (count as number),
      [ION.name, 3],
      { timeout: 30_000 },
    );
    await steps.check(owner, 'orders-arrived-assigned');

    // The owner opens #1001 and keeps watching it.
    await owner.getByText('#1001', { exact: true }).first().click();
    await owner.getByTestId('order-detail').waitFor();
    assert.equal(await owner.getByTestId('order-packer').textContent(), ION.name);
    await statusShown(owner, cat.status.assigned);
    await steps.check(owner, 'owner-order-assigned');

    // ── The packer's station, in its own browser (a tablet or a phone).
    const stationCtx = await newContext(h, lang, station);
    const ion = await stationCtx.newPage();
    ion.on('pageerror', (e) => pageErrors.push(`station: ${e.message}`));
    await ion.goto(stationAddress);
    await ion.getByTestId('login-username').pressSequentially(ION.username);
    await ion.getByTestId('login-pin').pressSequentially(ION.pin);
    await steps.check(ion, 'station-login');
    await ion.getByTestId('login-packer-submit').click();
    await ion.getByTestId('queue-order').first().waitFor();
    await ion.waitForFunction(
      () => document.querySelectorAll('[data-testid="queue-order"]').length === 3,
    );
    await steps.check(ion, 'station-queue');

    await queueCard(ion, '#1001').getByTestId('confirm-order').click();
    await ion.getByTestId('scan-input').waitFor();
    await ion.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'scan-input',
    );
    // The owner sees the confirmation without reloading.
    await statusShown(owner, cat.status.confirmed);
    await steps.check(ion, 'station-confirmed');

    await scan(ion, 'TRC-001');
    await ion
      .getByTestId('scan-feedback')
      .filter({ hasText: /1 \/ 2|1 din 2|1 of 2/ })
      .waitFor();
    await scan(ion, 'TRC-001');
    await steps.check(ion, 'station-scanning');
    await scan(ion, 'CAN-013');
    await ion.getByTestId('packed-banner').waitFor();
    await steps.check(ion, 'station-packed');

    await statusShown(owner, cat.status.packed);
    assert.equal(
      await owner.evaluate(() => (window as { journeyMark?: boolean }).journeyMark),
      true,
      'the owner saw it without a reload',
    );
    await steps.check(owner, 'owner-order-packed');

    // Ion takes the next order, then has to leave: the owner moves it to Dana with a reason.
    await ion.getByTestId('back-to-queue').click();
    await ion.waitForFunction(
      () => document.querySelectorAll('[data-testid="queue-order"]').length === 2,
    );
    await queueCard(ion, '#1002').getByTestId('confirm-order').click();
    await ion.getByTestId('scan-input').waitFor();
    await ion.getByTestId('back-to-queue').click();

    await owner.getByTestId('back-to-orders').click();
    await owner.getByText('#1002', { exact: true }).first().click();
    await owner.getByTestId('order-detail').waitFor();
    await statusShown(owner, cat.status.confirmed);
    await owner.getByTestId('change-packer').click();
    await owner.getByTestId('override-warning').waitFor();
    await owner.getByTestId('change-packer-select').click();
    await owner.getByRole('option', { name: DANA.name }).click();
    // Dana is off shift now: the dialog says so and lets the owner go ahead.
    await owner
      .getByText(cat.distribution.warnings.offShift.replace('{{name}}', DANA.name))
      .waitFor();
    const reason = lang === 'ro' ? 'Ion a plecat mai devreme' : 'Ion left early';
    await owner.getByTestId('change-packer-reason').pressSequentially(reason);
    await steps.check(owner, 'override-dialog');
    await owner.getByTestId('change-packer-submit').click();
    await owner.waitForFunction(
      (name) => document.querySelector('[data-testid="order-packer"]')?.textContent === name,
      DANA.name,
    );
    // The history: who moved it (the owner), to whom, and why.
    const history = owner.getByTestId('order-assignments');
    await history.getByText(reason).waitFor();
    const rows = (await history.innerText()).split('\n').join(' ');
    assert.ok(rows.includes(DANA.name) && rows.includes(OWNER.name), rows);
    await owner.getByTestId('order-audit').getByText(reason).first().waitFor();
    if (overrideOn) {
      // The move reaches the shop (the plugin's order meta), and the page raises no alarm.
      await until(() => shop.orders.get(2)?.packer?.name === DANA.name, 'the shop holds Dana');
      assert.equal(await owner.getByTestId('order-store-refused').count(), 0);
    } else {
      // The plugin's Owner override is off: the store keeps Ion, and the page says what to do.
      const refused = owner.getByTestId('order-store-refused');
      await refused.filter({ hasText: cat.order.storeRefused }).waitFor({ timeout: 30_000 });
      await owner.getByTestId('store-push-retry').waitFor();
    }
    await steps.check(owner, 'override-history');

    // On the station the moved order leaves Ion's queue by itself.
    await ion.waitForFunction(
      () => document.querySelectorAll('[data-testid="queue-order"]').length === 1,
    );
    await queueCard(ion, '#1003').waitFor();
    await steps.check(ion, 'station-after-override');

    assert.deepEqual(pageErrors, []);
    finished = true;
    console.log(`journey screenshots: ${steps.dir}`);
    await stationCtx.close();
    await ownerCtx.close();
  });
}

async function until(ok: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) assert.fail(`waited ${ms} ms for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function queueCard(page: Page, number: string) {
  return page.getByTestId('queue-order').filter({ hasText: number });
}

/** Waits until the order page's header shows this status (it updates live). */
async function statusShown(page: Page, label: string): Promise<void> {
  await page
    .getByTestId('order-detail')
    .getByTestId('status-badge')
    .first()
    .filter({ hasText: label })
    .waitFor({ timeout: 15_000 });
}
