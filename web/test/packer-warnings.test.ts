// The change-packer dialog's warnings follow the server's eligibility rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptySchedule, type Packer } from '../src/api/packers.ts';
import { packerWarnings } from '../src/features/distribution/packer-warnings.ts';

const packer = (over: Partial<Packer> = {}): Packer => ({
  id: 1,
  name: 'Ion',
  username: 'ion',
  active: true,
  weight: 1,
  max_open_orders: null,
  skills: [],
  allowed_store_ids: [],
  shifts: emptySchedule(),
  open_orders: 0,
  locked: false,
  created_at: '',
  updated_at: '',
  ...over,
});
// Saturday 2026-11-28 12:00 in Bucharest (UTC+2).
const SAT_NOON = new Date('2026-11-28T10:00:00Z');
const TZ = 'Europe/Bucharest';

test('an empty schedule, no limit and no store list: nothing to warn about', () => {
  assert.deepEqual(packerWarnings(packer(), { store: { id: 3 } }, TZ, SAT_NOON), []);
});

test('off shift, over the limit and not allowed for the store are each told', () => {
  const weekdays = { ...emptySchedule(), mon: [{ start: '08:00', end: '16:00' }] };
  const p = packer({
    shifts: weekdays,
    max_open_orders: 2,
    open_orders: 2,
    allowed_store_ids: [7],
  });
  assert.deepEqual(packerWarnings(p, { store: { id: 3 } }, TZ, SAT_NOON), [
    'offShift',
    'overLimit',
    'storeNotAllowed',
  ]);
  const saturday = { ...emptySchedule(), sat: [{ start: '11:00', end: '13:00' }] };
  assert.deepEqual(packerWarnings(packer({ shifts: saturday }), { store: null }, TZ, SAT_NOON), []);
});
