import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { UnifiedShipment } from '../courier.js';
import { bucharestMs, placeOf, serviceFor } from './mapping.js';
import { FAN_STATUSES, fanStatus } from './statuses.js';

// The pure half of the FAN adapter: statuses, times, service and place names.

const RECIPIENT: UnifiedShipment['recipient'] = {
  name: 'Maria Popescu',
  phone: '0722 123 456',
  address1: 'Str. Memorandumului 28',
  city: 'Cluj-Napoca',
  county: 'Cluj',
  country: 'RO',
  email: 'maria@example.ro',
};

describe('FAN statuses and times', () => {
  it('maps every code in the table, and an unknown one to a status that keeps tracking', () => {
    const cases: [string, string][] = [
      ['C0', 'handed_over'],
      ['H10', 'in_transit'],
      ['C1', 'out_for_delivery'],
      ['S2', 'delivered'],
      ['S6', 'refused'],
      ['S15', 'refused'],
      ['S43', 'returned'],
      [' s2 ', 'delivered'],
      ['Q1', 'in_transit'],
    ];
    for (const [code, status] of cases) assert.equal(fanStatus(code), status, code);
    for (const [code, status] of Object.entries(FAN_STATUSES))
      assert.equal(fanStatus(code), status);
  });

  it('names the place as FAN spells it: the nomenclature match, else the county code as a name', () => {
    const typed = (county: string, city: string) =>
      placeOf({ destination: null, recipient: { ...RECIPIENT, county, city } });
    assert.deepEqual(typed('CJ', 'Cluj-Napoca'), { county: 'Cluj', locality: 'Cluj-Napoca' });
    assert.deepEqual(typed('B', 'București'), { county: 'Bucuresti', locality: 'Bucuresti' });
    assert.deepEqual(typed('Argeș', 'Ștefănești'), { county: 'Arges', locality: 'Stefanesti' });
    const matched = placeOf({
      recipient: { ...RECIPIENT, city: 'București, Sector 3', county: 'B' },
      destination: {
        countyId: '10',
        countyName: 'Bucuresti',
        localityId: '11',
        localityName: 'Bucuresti',
        postcode: null,
      },
    });
    assert.deepEqual(matched, { county: 'Bucuresti', locality: 'Bucuresti' });
  });

  it('picks FAN service: COD twin, locker service, names as rules write them', () => {
    const svc = (service: string, codMinor: number | null, locker = false) =>
      serviceFor({ service, codMinor, locker: locker ? { id: 'F1', name: 'F1' } : null });
    assert.deepEqual(svc('standard', null), { ok: true, service: 'Standard' });
    assert.deepEqual(svc('', 1000), { ok: true, service: 'Cont Colector' });
    assert.deepEqual(svc('cont-colector', 1000), { ok: true, service: 'Cont Colector' });
    assert.deepEqual(svc('Cont Colector', null), { ok: true, service: 'Standard' });
    assert.deepEqual(svc('Standard', null, true), { ok: true, service: 'FANbox' });
    assert.deepEqual(svc('fanbox', 500, true), { ok: true, service: 'FANbox Cont Colector' });
    assert.deepEqual(svc('Red code', null), { ok: true, service: 'Red code' });
    assert.equal(svc('Red code', 100).ok, false);
  });

  it('reads FAN local times in Bucharest, summer and winter', () => {
    assert.equal(bucharestMs('2026-07-01 12:00:00'), Date.UTC(2026, 6, 1, 9)); // EEST, UTC+3
    assert.equal(bucharestMs('2026-12-01 12:00:00'), Date.UTC(2026, 11, 1, 10)); // EET, UTC+2
    assert.equal(bucharestMs('20.11.2026'), Date.UTC(2026, 10, 19, 22));
    assert.ok(Number.isNaN(bucharestMs('mâine')));
  });
});
