// Reasons and the change log in the reader's language on the order page, and a packer's wrong
// scans on the packer's page (with the empty state for a packer who has none).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { Api, startHarness, type Harness } from './support/harness.ts';
import { SIZES, assertNothingClipped, shot } from './support/layout.ts';

const OWNER = { email: 'ana@example.ro', password: 'parola-sigura-1' };
let h: Harness;
let orderId = 0;
let ionId = 0;
let mariaId = 0;

before(async () => {
  h = await startHarness();
  const owner = new Api(h.base);
  await owner.call('POST', '/setup', { account_name: 'Depozit', name: 'Ana Popescu', ...OWNER });
  ionId = (
    await owner.call<{ id: number }>('POST', '/packers', {
      name: 'Ion Ionescu',
      username: 'ion',
      pin: '123412',
    })
  ).id;
  // Automatic distribution gives the order to Ion, the only packer.
  const o = await owner.call<{ id: number }>('POST', '/orders', {
    billing: {
      first_name: 'Elena',
      last_name: 'Popa',
      phone: '0722123456',
      address_1: 'Str. Lungă 1',
      city: 'Iași',
      state: 'IS',
    },
    items: [{ sku: 'TRC-001', name: 'Tricou', quantity: 1, unit_price: '49.90' }],
    payment_method: 'cod',
    payment_method_title: 'Ramburs',
  });
  orderId = o.id;
  mariaId = (
    await owner.call<{ id: number }>('POST', '/packers', {
      name: 'Maria Pop',
      username: 'maria',
      pin: '123412',
    })
  ).id;
  const ion = new Api(h.base);
  const { station_code } = (
    await owner.call<{ account: { station_code: string } }>('GET', '/auth/me')
  ).account;
  await ion.call('POST', '/auth/packer-login', { station_code, username: 'ion', pin: '123412' });
  await ion.call('POST', `/orders/${orderId}/confirm`, {});
  await ion
    .call('POST', `/station/orders/${orderId}/scan`, { code: 'SAP-9' })
    .catch(() => undefined); // a wrong scan is answered 409, and recorded
});
after(() => h?.close());

async function login(lang: 'ro' | 'en'): Promise<Page> {
  const page = await h.browser.newPage({ viewport: SIZES.desktop, locale: 'ro-RO' });
  await page.addInitScript((l) => localStorage.setItem('ecomdir.language', l), lang);
  await page.goto(`${h.base}/orders`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('orders-table').waitFor();
  return page;
}

const EXPECTED = {
  ro: {
    assigned: 'cel mai puțin încărcat: 0 deschise, singurul împachetator eligibil',
    created: 'comandă telefonică',
    confirmed: 'Confirmată',
  },
  en: {
    assigned: 'least loaded: 0 open, the only eligible packer',
    created: 'phone order',
    confirmed: 'Confirmed',
  },
};

for (const lang of ['ro', 'en'] as const) {
  test(`order history and a packer's wrong scans, in ${lang}`, async () => {
    const page = await login(lang);
    await page.goto(`${h.base}/orders/${orderId}`);
    await page.getByTestId('order-detail').waitFor();
    const assignment = (await page.getByTestId('assignment-row').first().textContent()) ?? '';
    assert.ok(assignment.includes(EXPECTED[lang].assigned), assignment);
    const audit = (await page.getByTestId('order-audit').textContent()) ?? '';
    assert.ok(audit.includes(EXPECTED[lang].created), audit);
    assert.ok(audit.includes(EXPECTED[lang].assigned), audit);
    if (lang === 'ro') assert.ok(!/least loaded|phone order|by hand/.test(audit), audit);
    assert.equal(await page.getByTestId('wrong-scan-row').count(), 1);

    await page.goto(`${h.base}/packers/${ionId}`);
    await page.getByTestId('packer-wrong-scan-row').first().waitFor();
    const row = (await page.getByTestId('packer-wrong-scan-row').textContent()) ?? '';
    assert.match(row, /SAP-9/);
    assert.match(row, /TRC-001/, 'what the order expected');
    await assertNothingClipped(page, `packer page, ${lang}`);
    await shot(page, `packer-wrong-scans-${lang}`);
    await page.getByTestId('packer-wrong-scan-row').getByRole('link').click();
    await page.getByTestId('order-detail').waitFor();
    assert.ok(page.url().endsWith(`/orders/${orderId}`));

    await page.goto(`${h.base}/packers/${mariaId}`);
    await page.getByTestId('packer-wrong-scans-empty').waitFor();
    await page.close();
  });
}
