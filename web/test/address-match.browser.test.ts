// The order page at phone width, with a courier that has a list of localities: an order whose
// locality is a commune without its village shows why it cannot be matched and the villages
// as buttons; clicking one saves it, and the AWB is then made with that locality.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import type { CourierLocality } from '../../server/src/modules/shipping/couriers/courier.ts';
import { parseDetails } from '../../server/src/modules/shipping/shipment-input.ts';
import { scriptedCourier } from '../../server/test/support/scripted-courier.ts';
import { Api, startHarness, type Harness } from './support/harness.ts';
import { assertNothingClipped, SIZES } from './support/layout.ts';

const OWNER = { email: 'ana@example.ro', password: 'parola-sigura-1' };
const { localities } = JSON.parse(
  fs.readFileSync(
    new URL(
      '../../server/src/modules/shipping/nomenclature/fixtures/localities.json',
      import.meta.url,
    ),
    'utf8',
  ),
) as { localities: CourierLocality[] };
let h: Harness;

before(async () => {
  h = await startHarness({}, { couriers: [scriptedCourier('nomen', true, { localities })] });
});
after(() => h?.close());

test('order page: an unmatched locality shows its candidates; a click saves one and the AWB is made', async () => {
  const owner = new Api(h.base);
  await owner.call('POST', '/setup', { account_name: 'Depozit', name: 'Ana Popescu', ...OWNER });
  await owner.call('PUT', '/shipping/settings', {
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
    default_courier: 'nomen',
    default_service: 'std',
  });
  const order = await owner.call<{ id: number }>('POST', '/orders', {
    billing: {
      first_name: 'Ioana',
      last_name: 'Mureșan',
      phone: '0722123456',
      address_1: 'Str. Principală 20',
      city: 'Jucu',
      state: 'CJ',
    },
    items: [{ sku: 'TRC-001', name: 'Tricou', quantity: 1, unit_price: '49.90' }],
    payment_method: 'cod',
  });

  const page = await h.browser.newPage({ viewport: SIZES.phone, locale: 'ro-RO', hasTouch: true });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${h.base}/login`);
  await page.getByTestId('login-email').fill(OWNER.email);
  await page.getByTestId('login-password').fill(OWNER.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/orders/);
  await page.goto(`${h.base}/orders/${order.id}`);

  const panel = page.getByTestId('address-match');
  await panel.waitFor();
  assert.equal(
    await page.getByTestId('address-match-reason').textContent(),
    'O comună fără satul ei.',
  );
  const candidates = await page.getByTestId('address-candidate').allTextContents();
  assert.ok(candidates.length >= 2, candidates.join(' | '));
  assert.ok(
    candidates.every((c) => /\(comuna Jucu\), Cluj$/.test(c)),
    candidates.join(' | '),
  );
  await assertNothingClipped(page, 'address match, phone');

  await page.getByRole('button', { name: 'Gădălin (comuna Jucu), Cluj' }).click();
  await page.getByTestId('address-match-locality').waitFor();
  assert.equal(
    await page.getByTestId('address-match-locality').textContent(),
    'Gădălin (comuna Jucu), Cluj',
  );

  await page.getByTestId('generate-awb').click();
  await page.getByTestId('shipment-row').waitFor();
  const row = await h.app.database.db
    .selectFrom('shipments')
    .select(['details', 'phase', 'courier'])
    .where('order_id', '=', order.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.courier, 'nomen');
  assert.equal(row.phase, 'made');
  assert.equal(parseDetails(row.details).destination?.localityName, 'Gădălin');
  assert.deepEqual(pageErrors, []);
  await page.close();
});
