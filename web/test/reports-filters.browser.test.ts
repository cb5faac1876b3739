// The Reports page's own days and courier in Chromium against the real server, on the history
// of reports.browser.test.ts (written into the database; the filters themselves are only ever
// set through the page). The owner types a range of days, picks a courier, sees the table and
// the charts change to the figures of those days and that courier, finds them in the address
// and again after a reload; a range typed the wrong way round is said in words and changes
// nothing. In Romanian on a desktop (typing both days), in English on a phone (typing one day,
// tapping the other on the calendar).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import en from '../src/i18n/en.json' with { type: 'json' };
import ro from '../src/i18n/ro.json' with { type: 'json' };
import { Api, startHarness, type Harness } from './support/harness.ts';
import { checkpoints, openFromMenu } from './support/journey.ts';
import {
  OWNER,
  axisLabels,
  barLabels,
  binsDrawn,
  dayAgo,
  newContext,
  packerShows,
  seedHistory,
  staffLogin,
} from './support/report-history.ts';

/** A local day as a person types it in each language (the page's DAY_FORMAT). */
function typed(day: string, lang: 'ro' | 'en'): string {
  const [y, m, d] = day.split('-');
  return lang === 'en' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
}

/** Replaces what a day field says by typing, key by key, as a person does. */
async function typeDay(page: Page, end: 'from' | 'to', day: string, lang: 'ro' | 'en') {
  const field = page.getByTestId(`report-${end}`);
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(typed(day, lang));
}

/** The address shows these days (and, when given, this courier). */
async function addressShows(page: Page, from: string, to: string, courier?: string) {
  await page.waitForURL(
    (u) =>
      u.searchParams.get('period') === 'custom' &&
      u.searchParams.get('from') === from &&
      u.searchParams.get('to') === to &&
      (courier === undefined || u.searchParams.get('courier') === courier),
  );
}

async function seededOwner(): Promise<Harness> {
  const h = await startHarness({ ECOMDIR_WORKER: 'false' });
  const api = new Api(h.base);
  await api.call('POST', '/setup', { account_name: 'Atelierul Ana', ...OWNER });
  const me = await api.call<{ account: { id: number } }>('GET', '/auth/me');
  await seedHistory(h, me.account.id);
  return h;
}

test('RO desktop: typed days and a courier change the report, stay in the address and over a reload', async (t) => {
  const steps = checkpoints('reports-filters-ro-desktop', 'ro');
  let finished = false;
  t.after(async () => {
    if (!finished) await steps.failed();
  });
  const h = await seededOwner();
  t.after(() => h.close());
  const ctx = await newContext(h, 'ro', 'desktop');
  const page = await ctx.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await staffLogin(page, h.base, OWNER);
  await openFromMenu(page, 'reports');
  await packerShows(page, 'Ana', 6, 12);
  await packerShows(page, 'Bogdan', 6, 10);

  // ── Other days: from 4 days ago to 3 days ago, typed; Tab goes from one field to the next.
  await page.getByTestId('report-period').selectOption({ label: ro.reports.presets.custom });
  await typeDay(page, 'from', dayAgo(4), 'ro');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(typed(dayAgo(3), 'ro'));
  await page.keyboard.press('Tab');
  await addressShows(page, dayAgo(4), dayAgo(3));
  await packerShows(page, 'Ana', 2, 7);
  await packerShows(page, 'Bogdan', 1, 1);
  assert.deepEqual(await axisLabels(page, 'chart-packers'), ['Ana', 'Bogdan']);
  assert.deepEqual(await barLabels(page, 'chart-packers'), [2, 1, 7, 1]);
  assert.deepEqual(await binsDrawn(page, 'chart-time-to-pack'), {
    '10–15 min': 2,
    '30–60 min': 1,
  });
  await steps.check(page, 'typed-days');

  // ── FAN Courier only: Ana's bookshop parcel (4 items), Bogdan's one of a single item.
  await page.getByTestId('report-courier').selectOption({ label: 'FAN Courier' });
  await addressShows(page, dayAgo(4), dayAgo(3), 'fan');
  await packerShows(page, 'Ana', 1, 4);
  await packerShows(page, 'Bogdan', 1, 1);
  assert.deepEqual(await barLabels(page, 'chart-packers'), [1, 1, 4, 1]);
  assert.deepEqual(await binsDrawn(page, 'chart-time-to-pack'), {
    '10–15 min': 1,
    '30–60 min': 1,
  });
  await steps.check(page, 'fan-courier');

  // ── A reload shows the same report, the fields saying the same days.
  await page.reload();
  await packerShows(page, 'Ana', 1, 4);
  assert.equal(await page.getByTestId('report-period').inputValue(), 'custom');
  assert.equal(await page.getByTestId('report-from').inputValue(), typed(dayAgo(4), 'ro'));
  assert.equal(await page.getByTestId('report-to').inputValue(), typed(dayAgo(3), 'ro'));
  assert.equal(await page.getByTestId('report-courier').inputValue(), 'fan');
  assert.deepEqual(await barLabels(page, 'chart-packers'), [1, 1, 4, 1]);

  // ── The first day typed after the last: said in Romanian; the address and figures stay.
  await typeDay(page, 'from', dayAgo(2), 'ro');
  const reversed = page.getByTestId('report-range-error');
  await reversed.waitFor();
  assert.equal(await reversed.innerText(), ro.reports.filters.reversed);
  assert.equal(await page.getByTestId('report-from').getAttribute('aria-invalid'), 'true');
  await page.keyboard.press('Tab');
  await steps.check(page, 'reversed-range');
  const url = new URL(page.url());
  assert.equal(url.searchParams.get('from'), dayAgo(4));
  assert.equal(url.searchParams.get('to'), dayAgo(3));
  await packerShows(page, 'Ana', 1, 4);
  // The only message is ours (the banner that no worker runs belongs to this test's server).
  const alerts = await page
    .locator('[role="alert"]:not([data-testid="no-worker-banner"])')
    .evaluateAll((els) => els.map((e) => e.textContent));
  assert.equal(alerts.length, 1, `no other message (no raw error): ${alerts.join('\n')}`);

  // The last day typed too: two days ago alone, where only Bogdan sent a FAN Courier parcel.
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(typed(dayAgo(2), 'ro'));
  await addressShows(page, dayAgo(2), dayAgo(2), 'fan');
  await reversed.waitFor({ state: 'detached' });
  await packerShows(page, 'Ana', 0, 0);
  await packerShows(page, 'Bogdan', 1, 5);
  assert.deepEqual(await axisLabels(page, 'chart-packers'), ['Bogdan']);
  assert.deepEqual(await barLabels(page, 'chart-packers'), [1, 5]);
  await steps.check(page, 'two-days-ago-fan');
  assert.deepEqual(pageErrors, []);
  await ctx.close();
  finished = true;
});

test('EN phone: a typed day, a tapped day and a courier; reload; a reversed range', async (t) => {
  const steps = checkpoints('reports-filters-en-phone', 'en');
  let finished = false;
  t.after(async () => {
    if (!finished) await steps.failed();
  });
  const h = await seededOwner();
  t.after(() => h.close());
  const ctx = await newContext(h, 'en', 'phone');
  const page = await ctx.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await staffLogin(page, h.base, OWNER);
  await openFromMenu(page, 'reports');
  await packerShows(page, 'Ana', 6, 12);

  // ── Other days: the first typed, the last tapped on the calendar its field opens.
  await page.getByTestId('report-period').selectOption({ label: en.reports.presets.custom });
  await typeDay(page, 'from', dayAgo(4), 'en');
  await page.waitForURL((u) => u.searchParams.get('from') === dayAgo(4));
  await page.getByTestId('report-to').tap();
  // The first field's calendar closes as the second's opens: the one left is the second's.
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-dates-dropdown]')].filter((e) => e.checkVisibility())
        .length === 1,
  );
  const calendar = page.locator('[data-dates-dropdown]:visible');
  // The calendar opens on the month of the last day shown (today); the day may be in the one before.
  const label = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${dayAgo(3)}T12:00:00Z`));
  const dayButton = calendar.getByRole('button', { name: label, exact: true });
  await calendar.waitFor();
  if ((await dayButton.count()) === 0) await calendar.locator('[data-direction="previous"]').tap();
  await dayButton.tap();
  await addressShows(page, dayAgo(4), dayAgo(3));
  await packerShows(page, 'Ana', 2, 7);
  await packerShows(page, 'Bogdan', 1, 1);
  assert.deepEqual(await barLabels(page, 'chart-packers'), [2, 1, 7, 1]);
  await steps.check(page, 'typed-and-tapped-days');

  // ── Sameday only: Ana's flower parcel of 3 items; Bogdan sent nothing with Sameday.
  await page.getByTestId('report-courier').selectOption({ label: 'Sameday' });
  await addressShows(page, dayAgo(4), dayAgo(3), 'sameday');
  await packerShows(page, 'Ana', 1, 3);
  await packerShows(page, 'Bogdan', 0, 0);
  assert.deepEqual(await axisLabels(page, 'chart-packers'), ['Ana']);
  assert.deepEqual(await barLabels(page, 'chart-packers'), [1, 3]);
  await steps.check(page, 'sameday');

  // ── A reload keeps it all, in English.
  await page.reload();
  await packerShows(page, 'Ana', 1, 3);
  assert.equal(
    await page.getByTestId('report-period').locator('option:checked').innerText(),
    en.reports.presets.custom,
  );
  assert.equal(await page.getByTestId('report-from').inputValue(), typed(dayAgo(4), 'en'));
  assert.equal(await page.getByTestId('report-to').inputValue(), typed(dayAgo(3), 'en'));
  assert.equal(
    await page.getByTestId('report-courier').locator('option:checked').innerText(),
    'Sameday',
  );

  // ── The last day typed before the first: said in English, on the phone's width.
  await typeDay(page, 'to', dayAgo(5), 'en');
  const reversed = page.getByTestId('report-range-error');
  await reversed.waitFor();
  assert.equal(await reversed.innerText(), en.reports.filters.reversed);
  await page.getByTestId('report-courier').focus();
  await steps.check(page, 'reversed-range');
  assert.equal(new URL(page.url()).searchParams.get('to'), dayAgo(3));
  await packerShows(page, 'Ana', 1, 3);
  // Put right: the message goes, the report is the one it was.
  await typeDay(page, 'to', dayAgo(3), 'en');
  await reversed.waitFor({ state: 'detached' });
  await packerShows(page, 'Ana', 1, 3);
  assert.deepEqual(pageErrors, []);
  await ctx.close();
  finished = true;
});
