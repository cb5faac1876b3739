// Yesterday's summary and its e-mail in Chromium. A history is seeded around the real
// yesterday (Bucharest): the Orders page's card shows its figures with arrows against the day
// before and the top packer (RO desktop, EN phone). The owner then fills the SMTP form of
// Settings by typing and clicking, sends a test e-mail to a local SMTP server that requires a
// login, and the test sees it arrive; a wrong password is refused in the reader's language.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { addDays, localDayOf, localMidnight } from '../../server/src/shared/local-days.ts';
import { reportSeed } from '../../server/test/support/report-seed.ts';
import { type SmtpCapture, startSmtpCapture } from '../../server/test/support/smtp-capture.ts';
import { Api, startHarness, type Harness } from './support/harness.ts';
import { assertNothingClipped, shot, SIZES } from './support/layout.ts';

const OWNER = { email: 'patron@example.ro', password: 'parola-sigura-1' };
const SMTP_USER = 'rapoarte@magazin.ro';
const SMTP_PASS = 'Smtp-Parola-77';
const TZ = 'Europe/Bucharest';
const HOUR = 3_600_000;
let h: Harness;
let smtp: SmtpCapture;

before(async () => {
  smtp = await startSmtpCapture(SMTP_USER, SMTP_PASS);
  h = await startHarness();
  const api = new Api(h.base);
  await api.call('POST', '/setup', { account_name: 'Magazin', name: 'Ana Pop', ...OWNER });
  const me = await api.call<{ account: { id: number } }>('GET', '/auth/me');
  // Yesterday: 3 orders in, Ioana packs 2 of them; the day before: 1 order in, nothing packed.
  const acc = me.account.id;
  const seed = reportSeed(h.app.database.db);
  const yesterday = addDays(localDayOf(Date.now(), TZ), -1);
  const y = (hours: number) => localMidnight(yesterday, TZ) + hours * HOUR;
  const b = (hours: number) => localMidnight(addDays(yesterday, -1), TZ) + hours * HOUR;
  const ioana = await seed.packer(acc, 'Ioana');
  await seed.order(acc, { storeId: null, createdAt: b(10) });
  for (const at of [9, 10, 11]) {
    const id = await seed.order(acc, { storeId: null, createdAt: y(at) });
    if (at < 11)
      await seed.assignment(acc, {
        orderId: id,
        packerId: ioana,
        assignedAt: y(at) + 60_000,
        packedAt: y(at) + 30 * 60_000,
      });
  }
});
after(async () => {
  await h?.close();
  await smtp?.close();
});

async function login(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('daily-summary').waitFor();
  await page.getByTestId('daily-orders_in-value').waitFor();
  return errors;
}

const text = (page: Page, id: string) => page.getByTestId(id).innerText();

/** Types the SMTP form as an owner would (security chosen from the list). */
async function fillSmtp(page: Page, securityLabel: string, password: string): Promise<void> {
  await page.getByTestId('report-mail-host').fill('127.0.0.1');
  await page.getByTestId('report-mail-security').click();
  await page.getByRole('option', { name: securityLabel }).click();
  await page.getByTestId('report-mail-port').fill(String(smtp.port));
  await page.getByTestId('report-mail-username').fill(SMTP_USER);
  await page.getByTestId('report-mail-password').fill(password);
  await page.getByTestId('report-mail-from').fill('ecomdir@magazin.ro');
  await page.getByTestId('report-mail-recipients').fill('patron@example.ro\nsef@example.ro');
}

test('RO desktop: yesterday on the first page, then a test e-mail by the owner SMTP', async () => {
  const page = await h.browser.newPage({ viewport: SIZES.desktop, locale: 'ro-RO' });
  const errors = await login(page);
  assert.equal(await text(page, 'daily-orders_in-value'), '3');
  assert.equal(await text(page, 'daily-packed-value'), '2');
  assert.match(await text(page, 'daily-orders_in'), /Comenzi intrate[\s\S]*ziua precedentă: 1/);
  assert.equal(await page.getByTestId('daily-orders_in').getByLabel('în creștere').count(), 1);
  assert.match(await text(page, 'daily-top-packers'), /Ioana: 2/);
  await assertNothingClipped(page, 'daily summary, RO desktop');
  await shot(page, 'daily-summary-ro-desktop');
  // Collapsible, and the choice is kept.
  await page.getByTestId('daily-summary-toggle').click();
  assert.equal(await page.getByTestId('daily-orders_in').count(), 0);
  await page.reload();
  await page.getByTestId('daily-summary').waitFor();
  assert.equal(await page.getByTestId('daily-orders_in').count(), 0);
  await page.getByTestId('daily-summary-toggle').click();
  await page.getByTestId('daily-orders_in').waitFor();

  await page.goto(`${h.base}/settings`);
  await page.getByTestId('report-mail-section').waitFor();
  await fillSmtp(page, 'Fără', 'parola-gresita');
  await page.getByTestId('report-mail-test').click();
  await page.getByTestId('report-mail-test-error').waitFor();
  assert.match(
    await text(page, 'report-mail-test-error'),
    /Serverul SMTP a refuzat utilizatorul sau parola/,
  );
  assert.equal(smtp.messages.length, 0);

  await page.getByTestId('report-mail-password').fill(SMTP_PASS);
  await page.getByTestId('report-mail-enabled').click();
  await page.getByTestId('report-mail-test').click();
  await page.getByTestId('report-mail-test-sent').waitFor();
  const [m] = await smtp.waitFor(1);
  assert.equal(m?.user, SMTP_USER);
  assert.equal(m?.subject, 'ecomdir — e-mail de test');
  assert.deepEqual(m?.envelopeTo, ['patron@example.ro', 'sef@example.ro']);
  await page.getByTestId('report-mail-save').click();
  await page.getByText('Setările de e-mail au fost salvate.').waitFor();
  await assertNothingClipped(page, 'report mail settings, RO desktop');
  await shot(page, 'report-mail-settings-ro-desktop');
  // Saved: after a reload the form has everything but the password, which is only "set".
  await page.reload();
  await page.getByTestId('report-mail-section').waitFor();
  assert.equal(await page.getByTestId('report-mail-host').inputValue(), '127.0.0.1');
  assert.equal(await page.getByTestId('report-mail-password').inputValue(), '');
  assert.ok(!(await page.content()).includes(SMTP_PASS));
  await page.getByText('O parolă este salvată').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('EN phone: the card in English, and a test e-mail with the saved password', async () => {
  const page = await h.browser.newPage({ viewport: SIZES.phone, locale: 'en-GB', hasTouch: true });
  await page.addInitScript(() => localStorage.setItem('ecomdir.language', 'en'));
  const errors = await login(page);
  assert.match(await text(page, 'daily-orders_in'), /Orders in[\s\S]*3[\s\S]*day before: 1/);
  assert.match(await text(page, 'daily-top-packers'), /Ioana: 2/);
  assert.equal(await page.getByTestId('daily-summary-reports').getAttribute('href'), '/reports');
  await assertNothingClipped(page, 'daily summary, EN phone');
  await shot(page, 'daily-summary-en-phone');

  await page.goto(`${h.base}/settings`);
  await page.getByTestId('report-mail-section').waitFor();
  await page.getByText('A password is saved; leave empty to keep it.').waitFor();
  // The owner switches the e-mail to English and tries the stored password.
  await page.getByTestId('report-mail-language').click();
  await page.getByRole('option', { name: 'English' }).click();
  const before = smtp.messages.length;
  await page.getByTestId('report-mail-test').tap();
  await page.getByTestId('report-mail-test-sent').waitFor();
  const got = await smtp.waitFor(before + 1);
  assert.equal(got[before]?.subject, 'ecomdir — test e-mail');
  assert.equal(got[before]?.user, SMTP_USER);
  // The whole Settings page fits the phone (its tables scroll inside their own box), and so
  // does every element of this section.
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  assert.ok(widths.page <= widths.window, `Settings scrolls sideways: ${JSON.stringify(widths)}`);
  await assertNothingClipped(page, 'settings, EN phone');
  const outside = await page
    .getByTestId('report-mail-section')
    .evaluate(
      (el) =>
        [el, ...el.querySelectorAll('*')]
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1)).length,
    );
  assert.equal(outside, 0);
  await shot(page, 'report-mail-settings-en-phone');
  assert.deepEqual(errors, []);
  await page.close();
});
