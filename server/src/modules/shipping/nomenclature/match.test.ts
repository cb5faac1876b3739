import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import type { CourierLocality } from '../couriers/courier.js';
import { matchLocality, MAX_CANDIDATES } from './match.js';
import { bucharestSector, countyName, countyOfPostcode, fold, placeKey } from './normalize.js';

const here = new URL('./fixtures/', import.meta.url);
const { localities } = JSON.parse(fs.readFileSync(new URL('localities.json', here), 'utf8')) as {
  localities: CourierLocality[];
};
const { addresses } = JSON.parse(fs.readFileSync(new URL('addresses.json', here), 'utf8')) as {
  addresses: {
    county: string;
    city: string;
    postcode: string | null;
    address1: string;
    expected: { county: string; locality: string } | null;
  }[];
};

describe('normalize', () => {
  it('folds both forms of ș and ț, case and punctuation', () => {
    assert.equal(fold('Ştefăneştii-de-Jos'), 'stefanestii de jos');
    assert.equal(fold('Ștefăneștii de Jos'), 'stefanestii de jos');
    assert.equal(fold('ŢĂRÂNCUŢA, Î.'), 'tarancuta i');
    assert.equal(placeKey('Municipiul Cluj-Napoca'), 'cluj napoca');
    assert.equal(placeKey('Com. Florești'), 'floresti');
    assert.equal(placeKey('Tg. Mureș'), 'targu mures');
  });
  it('reads WooCommerce county codes and county names', () => {
    assert.equal(countyName('B'), 'București');
    assert.equal(countyName('cj'), 'Cluj');
    assert.equal(countyName('Judetul Iasi'), 'Iași');
    assert.equal(countyName('Bistrita Nasaud'), 'Bistrița-Năsăud');
    assert.equal(countyName('XX'), null);
    assert.equal(countyOfPostcode('400347'), 'Cluj');
    assert.equal(countyOfPostcode('077190'), 'Ilfov');
    assert.equal(countyOfPostcode('4003'), null);
  });
  it('finds Bucharest sectors however they are written', () => {
    const cases: [string, string, string | null, number | null][] = [
      ['Sectorul 3', '', null, 3],
      ['S3', '', null, 3],
      ['București Sector 3', '', null, 3],
      ['Bucuresti, sector 3', '', null, 3],
      ['Bucuresti 3', '', null, 3],
      ['Bucuresti', 'Str. Lizeanu 4, sector 2', null, 2],
      ['Bucuresti', 'Sos. Pantelimon 250, Sect. 2', null, 2],
      ['Bucuresti', 'Str. Turnu Măgurele 7', '040512', 4],
      ['Bucuresti', 'Bl. S3, sc. 2', null, null],
    ];
    for (const [city, line, pc, sector] of cases)
      assert.equal(bucharestSector(city, [line], pc), sector, `${city} / ${line}`);
  });
});

describe('matchLocality on recorded addresses', () => {
  it('matches at least 95 % correctly and never a wrong locality', () => {
    let right = 0;
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const a of addresses) {
      const r = matchLocality({ ...a, address2: null }, localities);
      const got = r.status === 'matched' ? `${r.match.countyName}|${r.match.name}` : null;
      const want = a.expected ? `${a.expected.county}|${a.expected.locality}` : null;
      if (got === want) right++;
      else if (got !== null)
        wrong.push(`${a.county}/${a.city}/${a.address1} → ${got} (want ${want})`);
      else missed.push(`${a.county}/${a.city}/${a.address1} → ${r.status} ${r.reason}`);
    }
    const rate = right / addresses.length;
    console.log(
      `nomenclature match rate: ${right}/${addresses.length} = ${(rate * 100).toFixed(1)} %; ` +
        `wrong matches: ${wrong.length}; not matched though expected: ${missed.length}`,
    );
    for (const m of missed) console.log(`  missed: ${m}`);
    assert.ok(addresses.length >= 80);
    assert.deepEqual(wrong, []);
    assert.ok(rate >= 0.95, `match rate ${rate}`);
  });

  it('offers the closest candidates, at most five, with a reason', () => {
    const r = matchLocality(
      { county: 'CJ', city: 'Jucu', postcode: null, address1: 'Str. Principală 20' },
      localities,
    );
    assert.equal(r.reason, 'commune_without_village');
    assert.ok(r.status === 'ambiguous');
    assert.equal(r.candidates.length, MAX_CANDIDATES);
    assert.ok(r.candidates.every((c) => c.commune === 'Jucu'));
  });

  it('says unmatched with the nearest names for a place not in the list', () => {
    const r = matchLocality(
      { county: 'IF', city: 'Xyzabc', postcode: null, address1: '' },
      localities,
    );
    assert.equal(r.reason, 'locality_not_found');
    assert.ok(r.status === 'unmatched');
    assert.equal(r.candidates.length, MAX_CANDIDATES);
  });

  it('asks for the sector when Bucharest comes without one', () => {
    const r = matchLocality(
      { county: 'B', city: 'Bucuresti', postcode: null, address1: 'Str. X 1' },
      localities,
    );
    assert.equal(r.reason, 'sector_missing');
    assert.ok(r.status === 'ambiguous');
    assert.deepEqual(
      r.candidates.map((c) => c.name),
      ['Sectorul 1', 'Sectorul 2', 'Sectorul 3', 'Sectorul 4', 'Sectorul 5', 'Sectorul 6'],
    );
  });

  it('a postal code decides between two villages of one name', () => {
    const r = matchLocality(
      { county: 'IS', city: 'Slobozia', postcode: '707445', address1: 'Nr. 5' },
      localities,
    );
    assert.equal(r.status, 'matched');
    assert.equal(r.status === 'matched' && r.match.commune, 'Schitu Duca');
  });
});
