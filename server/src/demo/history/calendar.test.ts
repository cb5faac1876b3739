import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WeeklySchedule } from '../../modules/packers/packers.schema.js';
import { workingMs } from '../../modules/penalties/working-time.js';
import { Random } from '../random.js';
import { ordersPerDay, ShiftCalendar } from './calendar.js';

const TZ = 'Europe/Bucharest';
const day = [{ start: '08:00', end: '16:00' }];
const WEEKDAYS: WeeklySchedule = {
  mon: day,
  tue: day,
  wed: day,
  thu: day,
  fri: day,
  sat: [],
  sun: [],
};
const MIN = 60_000;

test('a wait measured on the calendar is the wait workingMs measures, across both DST changes', () => {
  const cal = new ShiftCalendar(WEEKDAYS, TZ, '2026-03-20', '2026-11-05');
  const rnd = new Random(7);
  // Around the spring change (Sunday 29 March) and the autumn one (Sunday 25 October).
  for (const base of [Date.UTC(2026, 2, 26), Date.UTC(2026, 9, 22)]) {
    for (let i = 0; i < 300; i++) {
      const from = base + rnd.int(0, 6 * 24 * 60) * MIN;
      const to = from + rnd.int(0, 4 * 24 * 60) * MIN;
      assert.equal(cal.workBetween(from, to), workingMs(WEEKDAYS, TZ, from, to));
      const work = rnd.int(0, 600) * MIN;
      const end = cal.advance(from, work);
      assert.equal(workingMs(WEEKDAYS, TZ, from, end), work);
    }
  }
});

test('a shift is 08:00–16:00 local time: 06:00 UTC in winter, 05:00 UTC in summer', () => {
  const cal = new ShiftCalendar(WEEKDAYS, TZ, '2026-03-20', '2026-11-05');
  // Friday 27 March, 05:00 UTC = 07:00 local (winter, UTC+2): the shift starts at 06:00 UTC.
  assert.equal(cal.nextWorking(Date.UTC(2026, 2, 27, 5)), Date.UTC(2026, 2, 27, 6));
  // Monday 30 March is summer time (UTC+3): 08:00 local is 05:00 UTC.
  assert.equal(cal.nextWorking(Date.UTC(2026, 2, 28, 12)), Date.UTC(2026, 2, 30, 5));
  // 30 minutes before Friday's end, 90 minutes of work end at Monday 09:00 local.
  assert.equal(cal.advance(Date.UTC(2026, 2, 27, 13, 30), 90 * MIN), Date.UTC(2026, 2, 30, 6));
});

test('orders per day add up to the total, weekdays busier than Saturdays', () => {
  const per = ordersPerDay('2026-01-05', '2026-03-01', 10_000);
  assert.equal(
    [...per.values()].reduce((s, n) => s + n, 0),
    10_000,
  );
  assert.equal(per.size, 56);
  // Monday 2 February against Saturday 7 February of the same week: 1.15 against 0.7.
  assert.ok((per.get('2026-02-02') ?? 0) > (per.get('2026-02-07') ?? 0) * 1.5);
});

test('a packer without shifts is always at work: the wait is the wall time', () => {
  const none: WeeklySchedule = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  const cal = new ShiftCalendar(none, TZ, '2026-03-27', '2026-03-31');
  const from = Date.UTC(2026, 2, 28, 21, 10); // Saturday 23:10 local, before the spring change
  assert.equal(cal.nextWorking(from), from);
  assert.equal(cal.advance(from, 180 * MIN), from + 180 * MIN);
  assert.equal(
    cal.workBetween(from, from + 600 * MIN),
    workingMs(none, TZ, from, from + 600 * MIN),
  );
});
