import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FINAL_STATUSES, SHIPMENT_STATUSES } from './couriers/courier.js';
import { OWN_MARKS, formatOwnAwb } from './couriers/own/mapping.js';
import { type RuleFacts, chooseCourier } from './rules.js';
import { ShippingSettings } from './shipping-settings.js';
import { orderStatusFor } from './tracking.js';
import { trackingDelay } from './track-shipments.js';

const settings = ShippingSettings.parse({
  default_courier: 'own',
  default_service: 'standard',
  rules: [
    { name: 'Easybox', courier: 'sameday', service: 'locker', shipping_method_ids: ['easybox'] },
    {
      name: 'Ramburs greu',
      courier: 'fan',
      service: 'cont-colector',
      cod: true,
      min_weight_kg: '5',
    },
    {
      name: 'Magazin 2 scump',
      courier: 'dpd',
      service: 'standard',
      store_ids: [2],
      min_value: '500',
    },
  ],
});
const facts = (f: Partial<RuleFacts>): RuleFacts => ({
  storeId: 1,
  shippingMethodIds: ['flat_rate'],
  cod: false,
  weightGrams: 1000,
  valueMinor: 10_000,
  ...f,
});

describe('choosing the courier and service by rules (first match wins, else the defaults)', () => {
  const table: [string, Partial<RuleFacts>, string, string, string | number][] = [
    ['nothing matches', {}, 'own', 'standard', 'default'],
    ['a locker shipping method', { shippingMethodIds: ['easybox'] }, 'sameday', 'locker', 1],
    ['COD at 5 kg', { cod: true, weightGrams: 5000 }, 'fan', 'cont-colector', 2],
    ['COD under 5 kg', { cod: true, weightGrams: 4999 }, 'own', 'standard', 'default'],
    ['paid at 5 kg', { weightGrams: 6000 }, 'own', 'standard', 'default'],
    ['store 2 at 500.00', { storeId: 2, valueMinor: 50_000 }, 'dpd', 'standard', 3],
    ['store 2 under 500.00', { storeId: 2, valueMinor: 49_999 }, 'own', 'standard', 'default'],
    [
      'a phone order (no store) at 900.00',
      { storeId: null, valueMinor: 90_000 },
      'own',
      'standard',
      'default',
    ],
    [
      'locker and COD heavy: the first rule wins',
      { shippingMethodIds: ['easybox'], cod: true, weightGrams: 9000 },
      'sameday',
      'locker',
      1,
    ],
  ];
  for (const [name, f, courier, service, rule] of table)
    it(name, () => {
      const c = chooseCourier(settings, facts(f));
      assert.equal(c.courier, courier);
      assert.equal(c.service, service);
      if (rule === 'default') assert.deepEqual(c.reason, { code: 'shipping_default', params: {} });
      else assert.equal(c.reason.params.rule, rule);
    });
});

describe('tracking mapping', () => {
  it('moves the order only on delivered and returned', () => {
    const moves = Object.fromEntries(SHIPMENT_STATUSES.map((s) => [s, orderStatusFor(s)]));
    assert.deepEqual(moves, {
      created: null,
      handed_over: null,
      in_transit: null,
      out_for_delivery: null,
      delivered: 'delivered',
      refused: null,
      returned: 'returned',
      cancelled: null,
    });
    assert.deepEqual([...FINAL_STATUSES].sort(), ['cancelled', 'delivered', 'returned']);
  });

  it('the own courier marks are unified statuses with codes of their own', () => {
    const codes = Object.values(OWN_MARKS).map((m) => m.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const k of Object.keys(OWN_MARKS))
      assert.ok((SHIPMENT_STATUSES as readonly string[]).includes(k), k);
  });

  it('backs off by doubling from 30 minutes up to 12 hours', () => {
    const minutes = [0, 1, 2, 3, 4, 5, 20].map((f) => trackingDelay(f) / 60_000);
    assert.deepEqual(minutes, [30, 60, 120, 240, 480, 720, 720]);
  });

  it('numbers own AWBs with the prefix and nine digits', () => {
    assert.equal(formatOwnAwb('ED', 42), 'ED000000042');
    assert.equal(formatOwnAwb('MAG', 1_234_567_890), 'MAG1234567890');
  });
});
