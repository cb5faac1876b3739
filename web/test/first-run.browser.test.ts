// The first visit as a person makes it: the owner setup form typed key by key (and its
// validation), log out, a wrong password told in the page's language, log in again. At desktop
// and phone size, in Romanian and in English; every step checked for clipped controls and
// saved as a screenshot. Nothing here is created through the API.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import en from '../src/i18n/en.json' with { type: 'json' };
import ro from '../src/i18n/ro.json' with { type: 'json' };
import { startHarness, type Harness } from './support/harness.ts';
import { assertNothingClipped, shot, SIZES, type SizeName } from './support/layout.ts';

const RUNS: { lang: 'ro' | 'en'; size: SizeName }[] = [
  { lang: 'ro', size: 'desktop' },
  { lang: 'en', size: 'phone' },
  { lang: 'ro', size: 'phone' },
  { lang: 'en', size: 'desktop' },
];

const harnesses: Harness[] = [];
after(async () => {
  for (const h of harnesses) await h.close();
});

async function invalidFields(page: Page): Promise<string[]> {
  const ids = await page.$$eval('input[aria-invalid="true"], input[data-invalid="true"]', (els) =>
    els.map((e) => e.closest('[data-testid]')?.getAttribute('data-testid') ?? '?'),
  );
  return [...new Set(ids)].sort();
}

for (const { lang, size } of RUNS) {
  test(`first visit → setup → log out → wrong password → log in (${lang}, ${size})`, async () => {
    // A fresh data folder per run: the setup form only shows while there is no owner.
    const h = await startHarness();
    harnesses.push(h);
    const cat = lang === 'ro' ? ro : en;
    const name = `first-run-${lang}-${size}`;
    const ctx = await h.browser.newContext({ viewport: SIZES[size] });
    await ctx.addInitScript((l) => localStorage.setItem('ecomdir.language', l), lang);
    const page = await ctx.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(`${h.base}/`);
    await page.getByTestId('setup-account-name').waitFor();
    await assertNothingClipped(page, `${name} setup`);
    await shot(page, `${name}-01-setup`);

    // Empty submit: every required field says so, not only the password.
    await page.getByTestId('setup-submit').click();
    assert.deepEqual(await invalidFields(page), [
      'setup-account-name',
      'setup-email',
      'setup-name',
      'setup-password',
    ]);
    assert.equal(await page.getByText(cat.setup.required).count(), 4);
    await shot(page, `${name}-02-setup-empty`);

    // Typed key by key, as a person types (this is what turned the page white).
    await page.getByTestId('setup-account-name').pressSequentially('Atelierul Ana');
    await page.getByTestId('setup-name').pressSequentially('Ana Popescu');
    await page.getByTestId('setup-email').pressSequentially('ana@example');
    await page.getByTestId('setup-password').pressSequentially('scurt');
    await page.getByTestId('setup-submit').click();
    assert.deepEqual(await invalidFields(page), ['setup-email', 'setup-password']);
    await page.getByText(cat.setup.emailInvalid).waitFor();
    await page.getByText(cat.setup.passwordTooShort).waitFor();
    await shot(page, `${name}-03-setup-invalid`);
    // Back into each field, at the end of what is there, to finish it.
    await page.getByTestId('setup-email').press('End');
    await page.getByTestId('setup-email').pressSequentially('.ro');
    await page.getByTestId('setup-password').press('End');
    await page.getByTestId('setup-password').pressSequentially('-parola-buna');
    assert.equal(await page.getByTestId('setup-email').inputValue(), 'ana@example.ro');
    assert.equal(await page.getByTestId('setup-password').inputValue(), 'scurt-parola-buna');
    await page.getByTestId('setup-submit').click();
    await page.waitForURL(/\/orders$/);
    await page.getByTestId('user-menu').waitFor({ timeout: 10_000 });
    await assertNothingClipped(page, `${name} orders`);
    await shot(page, `${name}-04-signed-in`);

    // Log out through the user menu.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-email').waitFor();

    // A wrong password: told in the page's language, by its code.
    await page.getByTestId('login-email').pressSequentially('ana@example.ro');
    await page.getByTestId('login-password').pressSequentially('nu-e-parola');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    assert.match(
      (await page.getByTestId('login-error').textContent()) ?? '',
      new RegExp(cat.errors.invalid_credentials.slice(0, 20)),
    );
    await assertNothingClipped(page, `${name} wrong password`);
    await shot(page, `${name}-05-wrong-password`);

    await page.getByTestId('login-password').fill('scurt-parola-buna');
    await page.getByTestId('login-submit').click();
    try {
      await page.getByTestId('user-menu').waitFor({ timeout: 10_000 });
    } finally {
      await shot(page, `${name}-06-logged-in-again`);
    }
    assert.deepEqual(pageErrors, []);
    await ctx.close();
  });
}
