// Penalty amounts are integer minor units on the server: what the owner types becomes exactly
// that integer (or is refused), and default types read in the reader's language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import i18next from 'i18next';
import en from '../src/i18n/en.json' with { type: 'json' };
import ro from '../src/i18n/ro.json' with { type: 'json' };
import {
  duration,
  fromMinor,
  monthLabel,
  recentMonths,
  toMinor,
  typeName,
} from '../src/features/penalties/penalty-format.ts';

test('a typed amount becomes exact minor units, in either decimal mark', () => {
  assert.equal(toMinor('25'), 2500);
  assert.equal(toMinor('25,5'), 2550);
  assert.equal(toMinor('25.50'), 2550);
  assert.equal(toMinor(' 0.07 '), 7);
  // In floating point 1.1 * 100 is 110.00000000000001.
  assert.equal(toMinor('1.10'), 110);
  assert.equal(toMinor('19.99'), 1999);
  assert.equal(fromMinor(1999), 19.99);
});

test('an amount that is not one is refused, not rounded', () => {
  for (const bad of ['', 'abc', '-5', '1.234', '1,2,3', '1e3', '.5'])
    assert.equal(toMinor(bad), null, bad);
});

async function translator(lng: 'ro' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { ro: { translation: ro }, en: { translation: en } } });
  return i18n.t.bind(i18n);
}

test("a default type is named in the reader's language; the owner's own name wins", async () => {
  const tRo = await translator('ro');
  const tEn = await translator('en');
  for (const code of Object.keys(en.penalties.typeCodes)) {
    const ros = typeName({ code, name: null }, tRo);
    const ens = typeName({ code, name: null }, tEn);
    assert.notEqual(ros, code);
    assert.notEqual(ens, code);
    assert.notEqual(ros, ens, code);
  }
  assert.equal(typeName({ code: 'wrong_item', name: 'Produs încurcat' }, tEn), 'Produs încurcat');
  assert.equal(typeName({ code: 'from_a_newer_server', name: null }, tEn), 'from_a_newer_server');
  assert.equal(typeName({ code: null, name: 'Custom' }, tRo), 'Custom');
});

test('recent months count from the month it is in the account’s time zone', () => {
  // 31 Dec 22:30 UTC is already 1 January in Bucharest.
  const newYear = new Date('2026-12-31T22:30:00Z');
  assert.deepEqual(recentMonths(newYear, 'Europe/Bucharest', 3), ['2027-01', '2026-12', '2026-11']);
  assert.deepEqual(recentMonths(newYear, 'UTC', 2), ['2026-12', '2026-11']);
  assert.equal(recentMonths(newYear, 'UTC').length, 12);
});

test('months and durations read as people read them', () => {
  assert.equal(monthLabel('2026-11', 'en-GB'), 'November 2026');
  assert.equal(monthLabel('2026-03', 'ro-RO'), 'martie 2026');
  assert.equal(duration(null), '—');
  assert.equal(duration(65), '1:05');
  assert.equal(duration(3725), '1:02:05');
});
