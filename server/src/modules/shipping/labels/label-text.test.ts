// How values read on a Romanian label: amounts exactly as the order holds them, in Romanian
// notation, and times on Bucharest's clock across the change to and from summer time.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addressLines,
  bucharestDateTime,
  codLine,
  romanianAmount,
  romanianWeight,
} from './label-text.js';

describe('label text', () => {
  it('amounts in Romanian notation, from the digits (no float rounding)', () => {
    assert.equal(romanianAmount('123.45'), '123,45');
    assert.equal(romanianAmount('1234.5'), '1.234,50');
    assert.equal(romanianAmount('1234567'), '1.234.567,00');
    assert.equal(romanianAmount('0.1'), '0,10');
    assert.equal(romanianAmount('19999999999999999.99'), '19.999.999.999.999.999,99');
    assert.equal(romanianAmount('not a number'), 'not a number');
    assert.equal(codLine('123.45', 'RON'), 'RAMBURS 123,45 RON');
  });

  it('weights keep only the decimals that say something', () => {
    assert.equal(romanianWeight('1.500'), '1,5 kg');
    assert.equal(romanianWeight('2.000'), '2 kg');
    assert.equal(romanianWeight('0.75'), '0,75 kg');
    assert.equal(romanianWeight('12'), '12 kg');
  });

  it("dates on Bucharest's clock, winter and summer", () => {
    assert.equal(bucharestDateTime('2026-11-30T06:41:05Z'), '30.11.2026, 08:41'); // UTC+2
    assert.equal(bucharestDateTime('2026-07-01T21:30:00Z'), '02.07.2026, 00:30'); // UTC+3
    assert.equal(bucharestDateTime('2026-03-29T00:59:00Z'), '29.03.2026, 02:59'); // before the change
    assert.equal(bucharestDateTime('2026-03-29T01:00:00Z'), '29.03.2026, 04:00'); // after it
    assert.equal(bucharestDateTime('garbage'), 'garbage');
  });

  it('addresses: street lines joined, postcode before the city, the country only abroad', () => {
    const address = {
      name: 'Ion',
      phone: '0722',
      address1: 'Str. Mărășești 3',
      address2: 'ap. 4',
      city: 'Sibiu',
      county: 'Sibiu',
      postcode: '550001',
      country: 'RO',
    };
    assert.deepEqual(addressLines(address), {
      street: 'Str. Mărășești 3, ap. 4',
      city: '550001 Sibiu',
      region: 'Sibiu',
    });
    assert.equal(addressLines({ ...address, country: 'MD', postcode: null }).region, 'Sibiu, MD');
    assert.equal(addressLines({ ...address, postcode: null }).city, 'Sibiu');
  });
});
