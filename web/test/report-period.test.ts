// The Reports page's period presets and figure formats, computed by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseTypedDay,
  periodParams,
  presetRange,
  readPeriod,
  shiftDay,
  todayIn,
} from '../src/features/reports/period.ts';
import { binLabel, minutesText, rateText } from '../src/features/reports/report-format.ts';

test('presets seen from 2026-03-03 (after a 28-day February)', () => {
  const today = '2026-03-03';
  assert.deepEqual(presetRange('yesterday', today), ['2026-03-02', '2026-03-02']);
  assert.deepEqual(presetRange('last7', today), ['2026-02-25', '2026-03-03']);
  assert.deepEqual(presetRange('thisMonth', today), ['2026-03-01', '2026-03-03']);
  assert.deepEqual(presetRange('lastMonth', today), ['2026-02-01', '2026-02-28']);
  assert.deepEqual(presetRange('last30', today), ['2026-02-02', '2026-03-03']);
  assert.deepEqual(presetRange('thisYear', today), ['2026-01-01', '2026-03-03']);
  assert.deepEqual(presetRange('lastMonth', '2026-01-15'), ['2025-12-01', '2025-12-31']);
  // The 25-hour day of October changes nothing in day labels.
  assert.equal(shiftDay('2026-10-25', 1), '2026-10-26');
});

test('today is counted in the account zone', () => {
  // 22:30 UTC on 31 December is already 1 January in Bucharest (UTC+2).
  const at = new Date(Date.UTC(2026, 11, 31, 22, 30));
  assert.equal(todayIn('Europe/Bucharest', at), '2027-01-01');
  assert.equal(todayIn('UTC', at), '2026-12-31');
});

test('the address keeps a period; a broken one falls back to the last 30 days', () => {
  const today = '2026-11-30';
  const read = (q: string) => readPeriod(new URLSearchParams(q), today);
  assert.deepEqual(read(''), { preset: 'last30', from: '2026-11-01', to: '2026-11-30' });
  assert.deepEqual(read('period=last7'), { preset: 'last7', from: '2026-11-24', to: '2026-11-30' });
  assert.deepEqual(read('period=custom&from=2026-10-20&to=2026-10-05'), {
    preset: 'custom',
    from: '2026-10-05',
    to: '2026-10-20',
  });
  assert.equal(read('period=custom&from=2026-13-01&to=2026-10-05').preset, 'last30');
  assert.equal(read('period=nonsense').preset, 'last30');
  assert.deepEqual(periodParams(read('period=custom&from=2026-10-01&to=2026-10-02')), {
    period: 'custom',
    from: '2026-10-01',
    to: '2026-10-02',
  });
  assert.deepEqual(periodParams(read('')), {});
});

test('minutes, rates and histogram bins as the page writes them', () => {
  assert.equal(minutesText(65), '1 h 05 min');
  assert.equal(minutesText(45), '45 min');
  assert.equal(minutesText(null), '—');
  assert.equal(rateText(2 / 3, 'en'), '66.7%');
  assert.equal(rateText(2 / 3, 'ro').replace(/\s/g, ' '), '66,7 %');
  assert.equal(rateText(null, 'ro'), '—');
  assert.equal(binLabel(10, 15), '10–15 min');
  assert.equal(binLabel(60, 120), '1–2 h');
  assert.equal(binLabel(240, null), '≥ 4 h');
  assert.equal(binLabel(45, 90), '45 min – 1 h 30 min');
});

test('a typed day: day, month, year in either language, only when whole and real', () => {
  assert.equal(parseTypedDay('05.11.2026'), '2026-11-05');
  assert.equal(parseTypedDay('5/11/2026'), '2026-11-05');
  assert.equal(parseTypedDay(' 29-02-2028 '), '2028-02-29');
  for (const partial of ['', '05', '05.11', '05.11.202', '31.02.2026', '32.01.2026', '05.13.2026'])
    assert.equal(parseTypedDay(partial), null, partial);
  assert.equal(parseTypedDay('2026-11-05'), null, 'the address form is not what a person types');
});
