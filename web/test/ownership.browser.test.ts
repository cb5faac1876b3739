// Ownership transfer, typed and clicked as a person would: the owner makes a manager the owner
// in Settings (a wrong password first, then the right one), the new owner logs in and finds the
// owner-only settings, and the old owner is now a manager without them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Api, startHarness, type Harness } from './support/harness.ts';

const OWNER = { name: 'Ana Popescu', email: 'ana@example.ro', password: 'parola-sigura-1' };
const MANAGER = { name: 'Mara Manager', email: 'mara@example.ro', password: 'parola-mara-1' };

let h: Harness;
before(async () => {
  h = await startHarness({ ECOMDIR_WORKER: 'false' });
});
after(() => h?.close());

async function logIn(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill(who.email);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-settings').waitFor();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('team-section').waitFor();
}

/** The owner-only parts of Settings: the PIN policy, the failed logins, the team's actions. */
async function ownerOnlyShown(page: Page): Promise<boolean> {
  const counts = await Promise.all(
    ['pin-policy-section', 'failures-section', 'settings-save', 'team-make-owner'].map((id) =>
      page.getByTestId(id).count(),
    ),
  );
  return counts.every((n) => n > 0);
}

test('the owner hands the account to a manager, who then owns it', async () => {
  const api = new Api(h.base);
  await api.call('POST', '/setup', { account_name: 'Magazinul Test', ...OWNER });
  await api.call('POST', '/users', MANAGER);

  const page = await h.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ro-RO' });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await logIn(page, OWNER);
  assert.ok(await ownerOnlyShown(page), 'the owner sees the owner-only settings');

  const maraRow = page.getByTestId('team-row').filter({ hasText: MANAGER.name });
  await maraRow.getByTestId('team-make-owner').click();
  // Nothing happens without the owner's password; a wrong one is refused in plain words.
  assert.equal(await page.getByTestId('team-confirm').isDisabled(), true);
  await page.getByTestId('transfer-password').fill('nu-e-parola');
  await page.getByTestId('team-confirm').click();
  await page.getByText('Parola actuală nu e corectă').waitFor();
  await page.getByTestId('transfer-password').fill(OWNER.password);
  await page.getByTestId('team-confirm').click();

  // The old owner's page reads the new roles: a manager now, without the owner's parts.
  await page.getByTestId('team-confirm').waitFor({ state: 'detached' });
  await page.getByTestId('pin-policy-section').waitFor({ state: 'detached' });
  assert.equal(await ownerOnlyShown(page), false);
  await page.getByText('Doar proprietarul poate modifica aceste setări.').waitFor();
  const badge = async (p: Page, name: string) =>
    (
      await p
        .getByTestId('team-row')
        .filter({ hasText: name })
        .locator('.mantine-Badge-root')
        .textContent()
    )?.trim();
  assert.equal(await badge(page, OWNER.name), 'Manager');
  assert.equal(await badge(page, MANAGER.name), 'Proprietar');

  // The new owner logs in and finds what only an owner has, including handing it back.
  const mara = await h.browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ro-RO' });
  mara.on('pageerror', (e) => pageErrors.push(e.message));
  await logIn(mara, MANAGER);
  await mara.getByTestId('pin-policy-section').waitFor();
  assert.ok(await ownerOnlyShown(mara), 'the new owner sees the owner-only settings');
  assert.equal(
    await mara
      .getByTestId('team-row')
      .filter({ hasText: OWNER.name })
      .getByTestId('team-make-owner')
      .count(),
    1,
    'the old owner is a manager the new owner can act on',
  );

  // The old owner, logging in again, is a manager.
  const again = await h.browser.newPage({
    viewport: { width: 1440, height: 900 },
    locale: 'ro-RO',
  });
  await logIn(again, OWNER);
  await again.getByText('Doar proprietarul poate modifica aceste setări.').waitFor();
  assert.equal(await ownerOnlyShown(again), false);

  assert.deepEqual(pageErrors, []);
  await Promise.all([page.close(), mara.close(), again.close()]);
});
