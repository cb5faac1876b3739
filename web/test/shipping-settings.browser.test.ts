// The Shipping settings page: the owner types a sender address, sets the defaults and a rule,
// saves, reloads and finds them; a bad AWB prefix is refused in the reader's language; a
// courier account's secret goes in and never comes back. Romanian on a desktop, English on a
// phone (no sideways scroll, no cut buttons).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { platformCourier } from '../../server/test/support/scripted-courier.ts';
import { Api, startHarness, type Harness } from './support/harness.ts';
import { openFromMenu } from './support/journey.ts';
import { assertNothingClipped, shot, SIZES } from './support/layout.ts';

const OWNER = { email: 'ioana@example.ro', password: 'parola-sigura-7' };
let h: Harness;
let api: Api;

before(async () => {
  // A courier with a login (username, password) besides the own courier, which needs none.
  h = await startHarness({}, { couriers: [platformCourier()] });
  api = new Api(h.base);
  await api.call('POST', '/setup', { account_name: 'Magazinul Ioana', name: 'Ioana', ...OWNER });
});
after(() => h?.close());

async function openShipping(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
  // Reached from the menu (a burger on a phone), as the owner would.
  await openFromMenu(page, 'shipping');
  await page.getByTestId('shipping-settings').waitFor();
  return errors;
}

type Settings = {
  sender_addresses: { name: string; city: string; is_default: boolean; company: string | null }[];
  default_weight_kg: string;
  payer: string;
  on_pack: string;
  own_awb_prefix: string;
  printers: { name: string; format: string }[];
  rules: {
    name: string;
    service: string;
    cod: boolean | null;
    shipping_method_ids: string[];
    min_weight_kg: string | null;
  }[];
};

test('RO desktop: the owner sets addresses, defaults and a rule, saves, reloads and sees them', async () => {
  const page = await h.browser.newPage({ viewport: SIZES.desktop, locale: 'ro-RO' });
  const errors = await openShipping(page);
  // A new account: the empty states say what to do.
  await page.getByTestId('senders-empty').waitFor();
  await page.getByTestId('rules-empty').waitFor();
  await page.getByTestId('accounts-empty').waitFor();

  await page.getByTestId('sender-add').click();
  const addr = page.getByTestId('sender-address').first();
  await addr.getByTestId('sender-label').fill('Depozit Cluj');
  await addr.getByTestId('sender-name').fill('Ioana Mureșan');
  await addr.getByTestId('sender-phone').fill('0264000777');
  await addr.getByTestId('sender-address1').fill('Str. Fabricii 3');
  await addr.getByTestId('sender-city').fill('Cluj-Napoca');
  await addr.getByTestId('sender-county').fill('Cluj');
  // A second address becomes the default; the first is no longer.
  await page.getByTestId('sender-add').click();
  const second = page.getByTestId('sender-address').nth(1);
  await second.getByTestId('sender-label').fill('Magazin Iași');
  await second.getByTestId('sender-name').fill('Ștefan Țurcanu');
  await second.getByTestId('sender-company').fill('Țesături SRL');
  await second.getByTestId('sender-phone').fill('0232000888');
  await second.getByTestId('sender-address1').fill('Str. Mărășești 4');
  await second.getByTestId('sender-city').fill('Iași');
  await second.getByTestId('sender-county').fill('Iași');
  await second.getByTestId('sender-default').check();

  await page.getByTestId('default-weight').fill('2.5');
  await page.getByTestId('default-payer').selectOption('recipient');
  await page.getByTestId('default-on-pack').selectOption('automatic');
  await page.getByTestId('awb-prefix').fill('MAG');
  await page.getByTestId('printer-format').first().selectOption('zpl');

  await page.getByTestId('rule-add').click();
  const rule = page.getByTestId('shipping-rule').first();
  await rule.getByTestId('rule-name').fill('Easybox cu ramburs');
  await rule.getByTestId('rule-service').fill('locker');
  await rule.getByTestId('rule-cod').selectOption('yes');
  await rule.getByTestId('rule-methods').fill('easybox');
  await rule.getByTestId('rule-methods').press('Enter');
  // A second rule, moved above the first: the order is what decides.
  await page.getByTestId('rule-add').click();
  const later = page.getByTestId('shipping-rule').nth(1);
  await later.getByTestId('rule-name').fill('Colete grele');
  await later.getByTestId('rule-min_weight_kg').fill('10');
  await later.getByTestId('rule-up').click();
  await assertNothingClipped(page, 'shipping settings, RO desktop, filled');

  await page.getByTestId('shipping-save').click();
  await page.getByText('Setările de livrare au fost salvate.').waitFor();

  // What the server keeps is what was typed.
  const saved = await api.call<Settings>('GET', '/shipping/settings');
  assert.deepEqual(
    saved.sender_addresses.map((a) => [a.name, a.city, a.is_default, a.company]),
    [
      ['Ioana Mureșan', 'Cluj-Napoca', false, null],
      ['Ștefan Țurcanu', 'Iași', true, 'Țesături SRL'],
    ],
  );
  assert.equal(saved.default_weight_kg, '2.5');
  assert.equal(saved.payer, 'recipient');
  assert.equal(saved.on_pack, 'automatic');
  assert.equal(saved.own_awb_prefix, 'MAG');
  assert.deepEqual(saved.printers, [{ name: 'Default', format: 'zpl' }]);
  assert.deepEqual(
    saved.rules.map((r) => [r.name, r.service, r.cod, r.shipping_method_ids]),
    [
      ['Colete grele', 'standard', null, []],
      ['Easybox cu ramburs', 'locker', true, ['easybox']],
    ],
  );

  // After a reload the page shows them again.
  await page.reload();
  await page.getByTestId('shipping-settings').waitFor();
  assert.equal(await page.getByTestId('sender-address').count(), 2);
  assert.equal(
    await page.getByTestId('sender-address').nth(1).getByTestId('sender-name').inputValue(),
    'Ștefan Țurcanu',
  );
  assert.equal(await page.getByTestId('sender-default').nth(1).isChecked(), true);
  assert.equal(await page.getByTestId('sender-default').first().isChecked(), false);
  assert.equal(await page.getByTestId('default-weight').inputValue(), '2.5');
  assert.equal(await page.getByTestId('default-payer').inputValue(), 'recipient');
  assert.equal(await page.getByTestId('default-on-pack').inputValue(), 'automatic');
  assert.equal(await page.getByTestId('awb-prefix').inputValue(), 'MAG');
  assert.equal(await page.getByTestId('printer-format').first().inputValue(), 'zpl');
  assert.equal(saved.rules[0]?.min_weight_kg, '10');
  assert.equal(await page.getByTestId('rule-name').first().inputValue(), 'Colete grele');
  assert.equal(await page.getByTestId('rule-min_weight_kg').first().inputValue(), '10');
  assert.equal(await page.getByTestId('rule-name').nth(1).inputValue(), 'Easybox cu ramburs');
  assert.equal(await page.getByTestId('rule-cod').nth(1).inputValue(), 'yes');
  await page.getByTestId('shipping-rule').nth(1).getByText('easybox', { exact: true }).waitFor();

  // A bad prefix: refused by its code, in Romanian; nothing saved.
  await page.getByTestId('awb-prefix').fill('ma1');
  await page.getByTestId('shipping-save').click();
  const refusal = page.getByTestId('shipping-save-error');
  await refusal.waitFor();
  assert.match((await refusal.textContent()) ?? '', /Unele date trimise nu sunt valide/);
  assert.equal(
    await refusal.getByTestId('error-text').getAttribute('data-error-code'),
    'invalid_request',
  );
  assert.equal((await api.call<Settings>('GET', '/shipping/settings')).own_awb_prefix, 'MAG');
  await shot(page, 'shipping-settings-ro-desktop');
  assert.deepEqual(errors, []);
  await page.close();
});

test('EN phone: courier account credentials go in and never come back; nothing scrolls sideways', async () => {
  const page = await h.browser.newPage({ viewport: SIZES.phone, locale: 'en-GB' });
  await page.addInitScript(() => localStorage.setItem('ecomdir.language', 'en'));
  const errors = await openShipping(page);
  // The settings saved from the desktop are here, in English.
  await page.getByText('Sender and pickup addresses').waitFor();
  assert.equal(await page.getByTestId('sender-address').count(), 2);
  await page.getByTestId('accounts-empty').waitFor();
  assert.match(
    (await page.getByTestId('default-courier').locator('option:checked').textContent()) ?? '',
    /ecomdir own courier/,
  );
  await assertNothingClipped(page, 'shipping settings, EN phone');

  const SECRET = 'pa55-never-shown-again';
  await page.getByTestId('courier-account-courier').selectOption('platform');
  await page.getByTestId('courier-account-name').fill('Own courier, Cluj');
  await page.getByTestId('courier-field-username').fill('magazin');
  await page.getByTestId('courier-field-password').fill(SECRET);
  await page.getByTestId('courier-account-submit').click();
  await page.getByTestId('courier-account').waitFor();
  assert.match(
    (await page.getByTestId('courier-account').textContent()) ?? '',
    /Own courier, Cluj/,
  );
  // The form was emptied and the secret is nowhere on the page nor in the API's answer.
  assert.equal(await page.getByTestId('courier-field-password').inputValue(), '');
  assert.ok(!(await page.content()).includes(SECRET));
  const listed = await api.call<unknown>('GET', '/shipping/courier-accounts');
  assert.ok(!JSON.stringify(listed).includes(SECRET));

  // A bad value on a phone: the refusal is in English, by its code.
  await page.getByTestId('default-weight').fill('heavy');
  await page.getByTestId('shipping-save').click();
  await page.getByTestId('shipping-save-error').waitFor();
  assert.match(
    (await page.getByTestId('shipping-save-error').textContent()) ?? '',
    /Some of the data sent is not valid/,
  );
  await assertNothingClipped(page, 'shipping settings, EN phone, refused');
  await shot(page, 'shipping-settings-en-phone');

  await page.getByTestId('courier-account-remove').click();
  // Asked once more, since the secret cannot be typed back from the page.
  await page.getByTestId('courier-account-remove-confirm').click();
  await page.getByTestId('accounts-empty').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a manager is told the shipping settings are the owner’s, not shown an error', async () => {
  const MANAGER = { name: 'Radu', email: 'radu@example.ro', password: 'parola-sigura-8' };
  await api.call('POST', '/users', MANAGER);
  const page = await h.browser.newPage({ viewport: SIZES.desktop, locale: 'ro-RO' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill(MANAGER.email);
  await page.getByTestId('login-password').fill(MANAGER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
  await openFromMenu(page, 'shipping');
  await page.getByText('Doar proprietarul schimbă setările de livrare').waitFor();
  assert.equal(await page.getByTestId('error-state').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
