// The courier platform by clicking, in Chromium: the owner adds a login at a courier (fields
// from the courier), presses Test connection, picks the default service and pickup point from
// the courier's answer and saves them; on an order page, at a phone's width, the price
// estimate shows next to "Generate AWB", the options open, a locker is found by city in the
// picker (keyboard: Enter on a result) and the AWB is made to that locker.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import en from '../src/i18n/en.json' with { type: 'json' };
import { platformCourier } from '../../server/test/support/scripted-courier.ts';
import { Api, startHarness, type Harness } from './support/harness.ts';
import { assertNothingClipped, shot, SIZES } from './support/layout.ts';

const OWNER = { email: 'dana@example.ro', password: 'parola-sigura-3' };
let h: Harness;
let api: Api;
const courier = platformCourier();

before(async () => {
  courier.script.lockerList = [
    {
      id: 'EB-CJ-1',
      name: 'easybox Kaufland Mărăști',
      address: 'Str. Aurel Vlaicu 3',
      city: 'Cluj-Napoca',
      county: 'Cluj',
      postcode: null,
      maxSizeCm: { length: 60, width: 40, height: 45 },
      maxWeightGrams: 20_000,
    },
    {
      id: 'EB-B-7',
      name: 'easybox Piața Romană',
      address: 'Bd. Magheru 1',
      city: 'București',
      county: 'București',
      postcode: null,
      maxSizeCm: null,
      maxWeightGrams: null,
    },
  ];
  h = await startHarness({}, { couriers: [courier] });
  api = new Api(h.base);
  await api.call('POST', '/setup', { account_name: 'Magazinul Dana', name: 'Dana', ...OWNER });
  await api.call('PUT', '/shipping/settings', {
    sender_addresses: [
      {
        id: 'depozit',
        label: 'Depozit',
        name: 'Depozit',
        phone: '0264000111',
        address1: 'Str. Fabricii 3',
        city: 'Cluj-Napoca',
        county: 'Cluj',
      },
    ],
  });
});
after(() => h?.close());

async function login(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').waitFor();
  return errors;
}

test('EN desktop: a courier login is added, tested, and its choices saved', async () => {
  const page = await h.browser.newPage({ viewport: SIZES.desktop, locale: 'en-GB' });
  await page.addInitScript(() => localStorage.setItem('ecomdir.language', 'en'));
  const errors = await login(page);
  await page.goto(`${h.base}/shipping`);
  await page.getByTestId('shipping-settings').waitFor();
  await page.getByTestId('courier-account-courier').selectOption('platform');
  await page.getByTestId('courier-account-name').fill('Cont Cluj');
  await page.getByTestId('courier-field-username').fill('magazin');
  await page.getByTestId('courier-field-password').fill('parola-curier-9');
  await page.getByTestId('courier-account-submit').click();
  await page.getByTestId('courier-account-test').click();
  const result = page.getByTestId('courier-test-result');
  await result.waitFor();
  assert.match((await result.textContent()) ?? '', /Connected/);
  await page.getByTestId('courier-choice-service').selectOption('std');
  await page.getByTestId('courier-choice-pickup').selectOption('pp1');
  await page.getByTestId('courier-choices-save').click();
  await page.getByText('Choices saved.').waitFor();
  const accounts = await api.call<{ items: { options: Record<string, string> }[] }>(
    'GET',
    '/shipping/courier-accounts',
  );
  // The courier's locker services were remembered by Test connection.
  assert.deepEqual(accounts.items[0]?.options, {
    locker_services: 'box',
    service: 'std',
    pickup_point: 'pp1',
  });
  // The courier was asked with the login typed in the form.
  assert.deepEqual(courier.script.contexts.at(-1)?.credentials, {
    username: 'magazin',
    password: 'parola-curier-9',
  });

  // A refusal is shown in the reader's language by its code.
  courier.script.connectAnswer = {
    ok: false,
    retryable: false,
    messages: [{ code: 'credentials_refused', text: 'Bad login' }],
  };
  await page.getByTestId('courier-account-test').click();
  await page.getByText(en.shipping.messages.credentials_refused).waitFor();
  await shot(page, 'courier-platform-settings-en-desktop');
  assert.deepEqual(errors, []);
  await page.close();
});

test('RO phone: the estimate, the options and a locker picked by city on the order page', async () => {
  const order = await api.call<{ id: number }>('POST', '/orders', {
    billing: {
      first_name: 'Ioana',
      last_name: 'Mureșan',
      phone: '0722123456',
      address_1: 'Str. Horea 5',
      city: 'Cluj-Napoca',
      state: 'CJ',
    },
    items: [{ sku: 'TRC-001', name: 'Tricou', quantity: 1, unit_price: '49.90' }],
    payment_method: 'cod',
  });
  const page = await h.browser.newPage({ viewport: SIZES.phone, locale: 'ro-RO' });
  const errors = await login(page);
  await page.goto(`${h.base}/orders/${order.id}`);
  const estimate = page.getByTestId('shipping-estimate');
  await estimate.waitFor();
  assert.match((await estimate.textContent()) ?? '', /5\.00 RON/);

  await page.getByTestId('generate-options-toggle').click();
  await page.getByTestId('generate-courier').selectOption('platform');
  await page.getByTestId('generate-service').fill('box');
  await page.getByTestId('generate-saturday').waitFor();
  // The list is read from the courier on demand, then searched by city.
  await page.getByTestId('locker-refresh').click();
  await page.getByText('2 lockere citite.').waitFor();
  await page.getByTestId('locker-search').fill('cluj');
  await page.getByTestId('locker-option').first().waitFor();
  assert.equal(await page.getByTestId('locker-option').count(), 1);
  await page.getByTestId('locker-option').first().focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('locker-chosen').waitFor();
  await assertNothingClipped(page, 'order page with generate options, RO phone');
  await shot(page, 'courier-platform-order-ro-phone');

  await page.getByTestId('generate-awb').click();
  await page.getByTestId('shipment-row').waitFor();
  // The AWB's request (estimates are asked too, without a reference).
  const sent = courier.script.shipments.filter((s) => 'reference' in s).at(-1);
  assert.deepEqual(sent?.locker, { id: 'EB-CJ-1', name: 'easybox Kaufland Mărăști' });
  assert.equal(sent?.service, 'box');
  assert.deepEqual(errors, []);
  await page.close();
});
