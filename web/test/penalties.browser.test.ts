// The penalties journey of issue 15 in Chromium against the real server: a wrong scan at the
// station (typed + Enter, like a scanner) makes a proposal that appears by itself on the
// owner's Penalties page; the owner ticks it and applies it with a reason; the packer opens
// My record from the station with the keyboard, sees the penalty and contests it; the owner
// upholds it with an answer; the packer sees the answer, live. Only the account, the packer
// and the order are seeded through the API; the journey itself is typed and clicked. Every
// step: no clipped control, no sideways scroll, no sentence of the other language, a screenshot.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import en from '../src/i18n/en.json' with { type: 'json' };
import ro from '../src/i18n/ro.json' with { type: 'json' };
import { Api, startHarness, type Harness } from './support/harness.ts';
import { checkpoints } from './support/journey.ts';
import { SIZES, type SizeName } from './support/layout.ts';

const RUNS: { lang: 'ro' | 'en'; size: SizeName }[] = [
  { lang: 'ro', size: 'desktop' },
  { lang: 'en', size: 'phone' },
];

const OWNER = { name: 'Ana Popescu', email: 'ana@example.ro', password: 'parola-sigura-1' };
const ION = { name: 'Ion Ionescu', username: 'ion', pin: '123412' };

async function newContext(h: Harness, lang: string, size: SizeName): Promise<BrowserContext> {
  const ctx = await h.browser.newContext({
    viewport: SIZES[size],
    hasTouch: size !== 'desktop',
    locale: lang === 'ro' ? 'ro-RO' : 'en-GB',
  });
  await ctx.addInitScript((l) => localStorage.setItem('ecomdir.language', l), lang);
  return ctx;
}

/** A keyboard-wedge scanner: fast keystrokes into whatever has focus, then Enter. */
async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
}

/**
 * Opens the Penalties page through the menu, as a person does (the burger on a phone). A tap
 * on the burger while the page is still settling can leave the menu shut: the page is let
 * finish loading, and the burger tapped again if the menu still did not come.
 */
async function openPenalties(page: Page): Promise<void> {
  const burger = page.locator('.mantine-Burger-root');
  const link = page.getByTestId('nav-penalties');
  // The dashboard's frame is there (after a login it comes a moment after the address changes)
  // and the page under the menu has finished loading.
  await page.getByTestId('user-menu').waitFor();
  await page.getByTestId('page-loading').first().waitFor({ state: 'hidden', timeout: 30_000 });
  const onScreen = async () => (await link.evaluate((el) => el.getBoundingClientRect().left)) >= 0;
  for (let i = 0; i < 2 && (await burger.isVisible()) && !(await onScreen()); i += 1) {
    await burger.click();
    await page
      .waitForFunction(
        () =>
          (document.querySelector('[data-testid="nav-penalties"]')?.getBoundingClientRect().left ??
            -1) >= 0,
        null,
        { timeout: 10_000 },
      )
      .catch(() => undefined);
  }
  await link.click();
  await page.waitForURL(/\/penalties$/);
}

/** The one penalty row (or card) once it shows this state; it changes live, without a reload. */
async function stateShown(page: Page, testId: string, state: string): Promise<void> {
  await page
    .locator(`[data-testid="${testId}"][data-state="${state}"]`)
    .first()
    .waitFor({ timeout: 20_000 });
}

for (const { lang, size } of RUNS) {
  test(`the penalties journey (${lang}, ${size})`, async (t) => {
    const cat = lang === 'ro' ? ro : en;
    const run = `penalties-${lang}-${size}`;
    const steps = checkpoints(run, lang);
    let finished = false;
    t.after(async () => {
      if (!finished) await steps.failed();
    });
    const h = await startHarness({ ECOMDIR_WORKER: 'false' });
    // Closed when this test ends: its browser and live streams do not slow the next test.
    t.after(() => h.close());
    const pageErrors: string[] = [];

    // ── Seeded: the account, Ion, and a phone order that automatic distribution gives him.
    const api = new Api(h.base);
    await api.call('POST', '/setup', { account_name: 'Atelierul Ana', ...OWNER });
    await api.call('POST', '/packers', ION);
    const order = await api.call<{ id: number; number: string; packer: { name: string } | null }>(
      'POST',
      '/orders',
      {
        billing: {
          first_name: 'Maria',
          last_name: 'Pop',
          phone: '0722123456',
          address_1: 'Str. Florilor 12',
          city: 'Cluj-Napoca',
          state: 'CJ',
        },
        items: [{ sku: 'TRC-001', name: 'Tricou alb', quantity: 1, unit_price: '10.00' }],
        payment_method: 'cod',
      },
    );
    assert.equal(order.packer?.name, ION.name);
    const me = await api.call<{ account: { station_code: string } }>('GET', '/auth/me');

    // ── The owner logs in and keeps the Penalties page open: nothing yet.
    const ownerCtx = await newContext(h, lang, size);
    const owner = await ownerCtx.newPage();
    owner.on('pageerror', (e) => pageErrors.push(`owner: ${e.message}`));
    await owner.goto(`${h.base}/login`);
    await owner.getByTestId('login-email').pressSequentially(OWNER.email);
    await owner.getByTestId('login-password').pressSequentially(OWNER.password);
    await owner.getByTestId('login-submit').click();
    await owner.waitForURL(/\/orders$/);
    await openPenalties(owner);
    await owner.getByTestId('penalties-empty').waitFor();
    await steps.check(owner, 'penalties-empty');

    // ── The station: Ion takes the order and scans a product that is not in it.
    const stationCtx = await newContext(h, lang, size === 'desktop' ? 'tablet' : 'phone');
    const ion = await stationCtx.newPage();
    ion.on('pageerror', (e) => pageErrors.push(`station: ${e.message}`));
    await ion.goto(`${h.base}/station/${me.account.station_code}`);
    await ion.getByTestId('login-username').pressSequentially(ION.username);
    await ion.getByTestId('login-pin').pressSequentially(ION.pin);
    await ion.getByTestId('login-packer-submit').click();
    await ion.getByTestId('queue-order').first().waitFor();
    await ion.getByTestId('confirm-order').click();
    await ion.getByTestId('scan-input').waitFor();
    await ion.waitForFunction(
      () => document.activeElement?.getAttribute('data-testid') === 'scan-input',
    );
    await scan(ion, 'XYZ-999');
    await ion.locator('[data-testid="scan-feedback"][data-kind="error"]').waitFor();
    await steps.check(ion, 'station-wrong-scan');

    // ── The proposal appears on the owner's page by itself, saying which rule made it.
    await stateShown(owner, 'penalty-row', 'proposed');
    const row = owner.getByTestId('penalty-row');
    assert.equal(await row.count(), 1, 'exactly one proposal for one wrong scan');
    // Badges are shown in capitals (CSS): compared without case.
    const rowText = (await row.innerText()).toLowerCase();
    for (const part of [ION.name, cat.penalties.rules.scan_mismatch.short, `#${order.number}`])
      assert.ok(rowText.includes(part.toLowerCase()), `${part} in ${rowText}`);
    await steps.check(owner, 'proposal-arrived');

    // The owner ticks it and applies it, with a reason.
    await owner.getByTestId('penalty-pick').click();
    await owner.getByTestId('bulk-apply').click();
    const applyReason = lang === 'ro' ? 'Produs greșit scanat' : 'Wrong product scanned';
    await owner.getByTestId('decide-modal-text').pressSequentially(applyReason);
    await steps.check(owner, 'apply-dialog');
    await owner.getByTestId('decide-modal-submit').click();
    await stateShown(owner, 'penalty-row', 'applied');
    await steps.check(owner, 'applied');

    // ── Ion goes back to his queue and opens My record with the keyboard.
    await ion.getByTestId('back-to-queue').click();
    await ion.getByTestId('station-record').waitFor();
    await ion.getByTestId('station-record').focus();
    await ion.keyboard.press('Enter');
    await ion.waitForURL(/\/station\/record$/);
    await stateShown(ion, 'record-penalty', 'applied');
    const card = ion.getByTestId('record-penalty');
    assert.ok((await card.innerText()).includes(`#${order.number}`));
    await steps.check(ion, 'record-applied');

    // He contests it with a comment.
    const objection =
      lang === 'ro' ? 'Am scanat eticheta raftului, nu produsul' : 'I scanned the shelf label';
    await card.getByTestId('record-contest').click();
    await ion.getByTestId('contest-modal-text').pressSequentially(objection);
    await steps.check(ion, 'contest-dialog');
    await ion.getByTestId('contest-modal-submit').click();
    await stateShown(ion, 'record-penalty', 'contested');
    await ion.getByTestId('record-contest-comment').filter({ hasText: objection }).waitFor();
    await steps.check(ion, 'record-contested');

    // ── The owner sees the contest live, opens the penalty and upholds it with an answer.
    await stateShown(owner, 'penalty-row', 'contested');
    await owner.getByTestId('penalty-open').click();
    await owner.getByTestId('penalty-detail').waitFor();
    await owner.getByTestId('penalty-entry-comment').filter({ hasText: objection }).waitFor();
    await steps.check(owner, 'contested-detail');
    await owner.getByTestId('penalty-upheld').click();
    const answer =
      lang === 'ro' ? 'Camera arată produsul greșit în colet' : 'The camera shows the wrong item';
    await owner.getByTestId('penalty-action-modal-text').pressSequentially(answer);
    await owner.getByTestId('penalty-action-modal-submit').click();
    await owner.locator('[data-testid="penalty-detail"][data-state="upheld"]').waitFor();
    // The history holds every step, oldest first: nothing was edited or removed.
    const entries = await owner
      .getByTestId('penalty-entry')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    assert.deepEqual(entries, ['proposed', 'applied', 'contested', 'upheld']);
    await steps.check(owner, 'upheld-detail');

    // ── Ion sees the answer without reloading.
    await stateShown(ion, 'record-penalty', 'upheld');
    const said = ion.getByTestId('record-answer');
    await said.filter({ hasText: answer }).waitFor();
    assert.ok((await said.innerText()).includes(cat.station.record.answer.upheld));
    await steps.check(ion, 'record-answer');

    assert.deepEqual(pageErrors, []);
    finished = true;
    console.log(`penalties journey screenshots: ${steps.dir}`);
    await stationCtx.close();
    await ownerCtx.close();
  });
}

/** A 1×1 PNG: the smallest real image the photo upload accepts. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test("the owner's other penalty pages (ro, phone): add with a photo, types, rules, the summary", async (t) => {
  const cat = ro;
  const steps = checkpoints('penalties-pages-ro-phone', 'ro');
  let finished = false;
  t.after(async () => {
    if (!finished) await steps.failed();
  });
  const h = await startHarness({ ECOMDIR_WORKER: 'false' });
  t.after(() => h.close());
  const pageErrors: string[] = [];
  const api = new Api(h.base);
  await api.call('POST', '/setup', { account_name: 'Atelierul Ana', ...OWNER });
  await api.call('POST', '/packers', ION);
  const order = await api.call<{ number: string }>('POST', '/orders', {
    billing: {
      first_name: 'Maria',
      last_name: 'Pop',
      phone: '0722123456',
      address_1: 'Str. Florilor 12',
      city: 'Cluj-Napoca',
      state: 'CJ',
    },
    items: [{ sku: 'TRC-001', name: 'Tricou alb', quantity: 1, unit_price: '10.00' }],
    payment_method: 'cod',
  });

  const ctx = await newContext(h, 'ro', 'phone');
  const owner = await ctx.newPage();
  owner.on('pageerror', (e) => pageErrors.push(e.message));
  await owner.goto(`${h.base}/login`);
  await owner.getByTestId('login-email').pressSequentially(OWNER.email);
  await owner.getByTestId('login-password').pressSequentially(OWNER.password);
  await owner.getByTestId('login-submit').click();
  await owner.waitForURL(/\/orders$/);
  await openPenalties(owner);
  await owner.getByTestId('penalties-empty').waitFor();

  // ── Add by hand: the amount comes from the type; the order by its number; a photo.
  await owner.getByTestId('penalty-add').click();
  await owner.getByTestId('penalty-add-packer').click();
  await owner.getByRole('option', { name: ION.name }).click();
  await owner.getByTestId('penalty-add-type').click();
  await owner.getByRole('option', { name: cat.penalties.typeCodes.missing_item }).click();
  const amount = owner.getByTestId('penalty-add-amount');
  assert.match(await amount.inputValue(), /^\d+\.\d\d$/, 'the amount is filled from the type');
  await amount.fill('');
  await amount.pressSequentially('12,50');
  await owner.getByTestId('penalty-add-order').pressSequentially(`#${order.number}`);
  await owner.getByTestId('penalty-add-note').pressSequentially('Lipsea cana din colet');
  await owner
    .locator('input[type="file"]')
    .setInputFiles({ name: 'colet.png', mimeType: 'image/png', buffer: PNG });
  await steps.check(owner, 'add-dialog');
  await owner.getByTestId('penalty-add-submit').click();
  await owner.locator('[data-testid="penalty-row"][data-state="applied"]').waitFor();
  const row = await owner.getByTestId('penalty-row').innerText();
  assert.ok(row.includes('12,50') && row.includes(`#${order.number}`), row);
  await steps.check(owner, 'added');
  await owner.getByTestId('penalty-open').click();
  const photo = owner.getByTestId('penalty-photo');
  await photo.waitFor();
  await owner.waitForFunction(
    () =>
      document.querySelector<HTMLImageElement>('[data-testid="penalty-photo"]')?.naturalWidth === 1,
  );
  await steps.check(owner, 'added-detail');
  await owner.getByTestId('back-to-penalties').click();

  // ── Types: a new one, and a default one repriced.
  await owner.getByTestId('penalties-tab-types').click();
  await owner.getByTestId('type-row').first().waitFor();
  const before = await owner.getByTestId('type-row').count();
  assert.equal(before, 6, 'the six default types');
  await owner.getByTestId('type-add').click();
  await owner.getByTestId('type-name').pressSequentially('Colet murdar');
  await owner.getByTestId('type-amount').pressSequentially('15');
  await steps.check(owner, 'type-dialog');
  await owner.getByTestId('type-save').click();
  await owner.getByTestId('type-row').filter({ hasText: 'Colet murdar' }).waitFor();
  await owner.getByTestId('type-edit').first().click();
  await owner.getByTestId('type-amount').fill('30');
  await owner.getByTestId('type-save').click();
  await owner.getByTestId('type-row').first().filter({ hasText: '30,00' }).waitFor();
  await steps.check(owner, 'types');

  // ── Rules: the late-packing rule (off by default) switched on, kept after a reload.
  await owner.getByTestId('penalties-tab-rules').click();
  const late = owner.getByTestId('rule-late_packing-on');
  assert.equal(await late.isChecked(), false);
  // Switched with the keyboard (Space), as any switch on the page can be.
  await late.focus();
  await owner.keyboard.press('Space');
  await owner.getByTestId('rules-save').click();
  await owner.getByText(cat.penalties.rulesForm.saved).waitFor();
  await steps.check(owner, 'rules');
  await owner.reload();
  await owner.getByTestId('penalty-rules').waitFor();
  assert.equal(await owner.getByTestId('rule-late_packing-on').isChecked(), true);

  // ── The month's summary: Ion's 12,50; CSV and XLSX downloads; the print page.
  await owner.getByTestId('penalties-tab-summary').click();
  await owner.getByTestId('summary-row').filter({ hasText: ION.name }).waitFor();
  assert.ok((await owner.getByTestId('summary-total').innerText()).includes('12,50'));
  await steps.check(owner, 'summary');
  const [csv] = await Promise.all([
    owner.waitForEvent('download'),
    owner.getByTestId('summary-csv').click(),
  ]);
  const csvPath = await csv.path();
  assert.ok(fs.readFileSync(csvPath, 'utf8').includes(ION.name));
  const [xlsx] = await Promise.all([
    owner.waitForEvent('download'),
    owner.getByTestId('summary-xlsx').click(),
  ]);
  assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
  const [print] = await Promise.all([
    ctx.waitForEvent('page'),
    owner.getByTestId('summary-print').click(),
  ]);
  await print.getByTestId('summary-table').waitFor();
  assert.ok((await print.getByTestId('summary-print-page').innerText()).includes(ION.name));
  await steps.check(print, 'print');

  assert.deepEqual(pageErrors, []);
  finished = true;
  await ctx.close();
});
