// Security in the dashboard, typed and clicked as a person would: the owner changes the
// password and removes a manager (both confirmed), sees the failed logins, unlocks a packer
// locked after wrong PINs; and no page of the built dashboard breaks its Content-Security-Policy.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Api, startHarness, type Harness } from './support/harness.ts';

const OWNER = { email: 'ana@example.ro', password: 'parola-sigura-1' };
const MANAGER = { name: 'Mara Manager', email: 'mara@example.ro', password: 'parola-mara-1' };

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h?.close());

/** Every CSP violation the page reports, collected from the first script on. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)),
  ];
}

test('password change, manager removal, failed logins, locked packer; no CSP violations', async () => {
  const api = new Api(h.base);
  await api.call('POST', '/setup', { account_name: 'Magazinul Test', name: 'Ana', ...OWNER });
  await api.call('POST', '/users', MANAGER);
  const packer = await api.call<{ id: number }>('POST', '/packers', {
    name: 'Ion Ionescu',
    username: 'ion',
    pin: '482915',
  });
  // The manager is logged in elsewhere; removing them must end that session at once.
  const manager = new Api(h.base);
  await manager.call('POST', '/auth/login', { email: MANAGER.email, password: MANAGER.password });
  const { station_code } = (
    await api.call<{ account: { station_code: string } }>('GET', '/auth/me')
  ).account;
  // Someone guesses Ion's PIN until the packer is locked (10 tries allowed).
  for (let i = 0; i < 11; i++) {
    await fetch(`${h.base}/api/auth/packer-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ station_code, username: 'ion', pin: String(100000 + i) }),
    });
  }

  const page = await h.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ro-RO' });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const cspViolations = await watchCsp(page);

  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-orders').waitFor();

  // The locked packer is announced on every page, and unlocked from the Packers page.
  await page.getByTestId('locked-packers-notice').waitFor();
  for (const nav of ['orders', 'distribution', 'stores', 'packers']) {
    await page.getByTestId(`nav-${nav}`).click();
    await page.waitForURL(`**/${nav}`);
  }
  await page.getByTestId('packer-locked').waitFor();
  await page.getByTestId('packer-unlock').click();
  await page.getByTestId('locked-packers-notice').waitFor({ state: 'detached' });
  const station = await fetch(`${h.base}/api/auth/packer-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ station_code, username: 'ion', pin: '482915' }),
  });
  assert.equal(station.status, 200, 'the unlocked packer logs in');
  assert.ok(packer.id > 0);

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('security-section').waitFor();

  // The failed PIN guesses are listed for the owner.
  await page.getByTestId('failure-row').first().waitFor();
  assert.ok((await page.getByTestId('failure-row').count()) >= 10);

  // A wrong current password is refused in plain Romanian words.
  await page.getByTestId('password-current').fill('nu-e-parola');
  await page.getByTestId('password-new').fill('parola-noua-2');
  await page.getByTestId('password-submit').click();
  await page.getByTestId('password-error').waitFor();
  assert.match(
    (await page.getByTestId('password-error').textContent()) ?? '',
    /Parola actuală nu e corectă/,
  );
  await page.getByTestId('password-current').fill(OWNER.password);
  await page.getByTestId('password-submit').click();
  await page.getByTestId('password-error').waitFor({ state: 'detached' });
  await page.waitForFunction(
    () =>
      (document.querySelector('[data-testid="password-current"]') as HTMLInputElement).value === '',
  );
  const relogin = await fetch(`${h.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: OWNER.email, password: 'parola-noua-2' }),
  });
  assert.equal(relogin.status, 200, 'the new password logs in');
  // This session goes on after the change.
  await page.getByTestId('session-row').first().waitFor();

  // Remove the manager: a confirmation first, then the row is gone and so is their session.
  const rows = page.getByTestId('team-row');
  assert.equal(await rows.count(), 2);
  await rows.filter({ hasText: MANAGER.name }).getByTestId('team-remove').click();
  await page.getByTestId('team-confirm').click();
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="team-row"]').length === 1,
  );
  await assert.rejects(manager.call('GET', '/auth/me'), /401/);

  assert.deepEqual(await cspViolations(), [], 'no Content-Security-Policy violations');
  assert.deepEqual(pageErrors, []);
});

test('the main pages load under the CSP without violations', async () => {
  const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const cspViolations = await watchCsp(page);
  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill('parola-noua-2');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-orders').waitFor();
  for (const path of [
    '/orders',
    '/orders/new',
    '/packers',
    '/packers/new',
    '/distribution',
    '/stores',
    '/settings',
  ]) {
    await page.goto(`${h.base}${path}`);
    await page.getByTestId('nav-orders').waitFor();
    await page.waitForLoadState('networkidle');
  }
  const headers = (await page.goto(`${h.base}/settings`))?.headers() ?? {};
  assert.match(headers['content-security-policy'] ?? '', /script-src 'self'/);
  assert.equal(headers['x-frame-options'], 'DENY');
  assert.deepEqual(await cspViolations(), []);
});
