import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPacker } from '../../../test/support/factories.js';
import { insertStore, insertStoreOrder } from '../../../test/support/distribution.js';
import { type Client, ownerClient, startTestApp } from '../../../test/support/test-app.js';
import { EMPTY_SCHEDULE, type WeeklySchedule } from '../packers/packers.schema.js';
import { checkLatePacking } from './late-packing.js';
import { localMonthRange, localToInstant, startOfLocalWeek, workingMs } from './working-time.js';

const HOUR = 3_600_000;
const MIN = 60_000;
const BUC = 'Europe/Bucharest';
const at = (s: string) => Date.parse(s);
const schedule = (days: Partial<WeeklySchedule>): WeeklySchedule => ({
  ...EMPTY_SCHEDULE,
  ...days,
});
const weekdays = schedule(
  Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [{ start: '09:00', end: '17:00' }]]),
  ),
);
/** 02:00–05:00 local on Sundays: the hours in which Romania's clocks change. */
const sundayNight = schedule({ sun: [{ start: '02:00', end: '05:00' }] });

describe('working time of a packer’s shifts, in the account’s time zone', () => {
  it('counts only the hours inside the shifts (hand-computed, winter time UTC+2)', () => {
    // Monday 30 Nov 2026 10:00 local (08:00Z) to Tuesday 10:00 local: 7 h Monday + 1 h Tuesday.
    assert.equal(
      workingMs(weekdays, BUC, at('2026-11-30T08:00:00Z'), at('2026-12-01T08:00:00Z')),
      8 * HOUR,
    );
    // Friday 16:00 local to Monday 09:30 local: 1 h Friday, none at the weekend, 30 min Monday.
    assert.equal(
      workingMs(weekdays, BUC, at('2026-12-04T14:00:00Z'), at('2026-12-07T07:30:00Z')),
      90 * MIN,
    );
    // 06:00Z–08:00Z is 08:00–10:00 in Bucharest (1 h of shift) but 06:00–08:00 in UTC (none).
    assert.equal(
      workingMs(weekdays, BUC, at('2026-11-30T06:00:00Z'), at('2026-11-30T08:00:00Z')),
      HOUR,
    );
    assert.equal(
      workingMs(weekdays, 'UTC', at('2026-11-30T06:00:00Z'), at('2026-11-30T08:00:00Z')),
      0,
    );
  });

  it('is an hour shorter on the spring change and an hour longer on the autumn change', () => {
    // 29 Mar 2026: 02:00 EET is 00:00Z, 05:00 EEST is 02:00Z — a 3-hour shift lasts 2 hours.
    assert.equal(
      workingMs(sundayNight, BUC, at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z')),
      2 * HOUR,
    );
    // 25 Oct 2026: 02:00 EEST is 23:00Z the day before, 05:00 EET is 03:00Z — 4 hours.
    assert.equal(
      workingMs(sundayNight, BUC, at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z')),
      4 * HOUR,
    );
    // Partly: from 01:00Z on 25 Oct (03:00 EET, the second time) to the shift's end.
    assert.equal(
      workingMs(sundayNight, BUC, at('2026-10-25T01:00:00Z'), at('2026-10-26T00:00:00Z')),
      2 * HOUR,
    );
  });

  it('reads local times on the change days as the clocks show them', () => {
    // A skipped time lands after the change; a repeated one is its first occurrence.
    assert.equal(
      localToInstant({ year: 2026, month: 3, day: 29 }, 3 * 60 + 30, BUC),
      at('2026-03-29T01:30:00Z'),
    );
    assert.equal(
      localToInstant({ year: 2026, month: 10, day: 25 }, 3 * 60 + 30, BUC),
      at('2026-10-25T00:30:00Z'),
    );
    assert.equal(
      localToInstant({ year: 2026, month: 7, day: 1 }, 0, BUC),
      at('2026-06-30T21:00:00Z'),
    );
    assert.deepEqual(localMonthRange('2026-10', BUC), [
      at('2026-09-30T21:00:00Z'),
      at('2026-10-31T22:00:00Z'),
    ]);
    // Wednesday 2 Dec 2026 → Monday 30 Nov 00:00 local.
    assert.equal(startOfLocalWeek(at('2026-12-02T12:00:00Z'), BUC), at('2026-11-29T22:00:00Z'));
  });

  it('counts the whole span for a packer without a schedule, and nothing backwards', () => {
    assert.equal(workingMs(EMPTY_SCHEDULE, BUC, 0, 5 * HOUR), 5 * HOUR);
    assert.equal(workingMs(weekdays, BUC, 5 * HOUR, 0), 0);
  });
});

describe('the late-packing rule as a periodic job', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  let owner: Client & { accountId: number };
  let nightPacker = 0;
  let anyTimePacker = 0;
  let store = 0;

  const confirmedAt = async (storeId: number | null, packerId: number, when: number) => {
    const id = await insertStoreOrder(app, owner.accountId, storeId);
    await app.database.db
      .updateTable('orders')
      .set({ status: 'confirmed', packer_id: packerId, assigned_at: when, confirmed_at: when })
      .where('id', '=', id)
      .execute();
    return id;
  };
  const proposals = (orderId: number) =>
    app.database.db
      .selectFrom('penalties')
      .select(['id', 'rule', 'event_kind', 'event_id', 'packer_id'])
      .where('order_id', '=', orderId)
      .execute();
  const run = (now: string) => checkLatePacking(app.database.db, app.services.events, at(now));

  before(async () => {
    app = await startTestApp();
    owner = await ownerClient(app);
    nightPacker = (await createPacker(owner, { name: 'Noapte', shifts: sundayNight })).id;
    anyTimePacker = (await createPacker(owner, { name: 'Oricând' })).id;
    store = await insertStore(app, owner.accountId);
    const res = await owner.request('PUT', '/api/penalty-settings', {
      rules: {
        late_packing: {
          enabled: true,
          default_hours: 2,
          store_hours: [{ store_id: store, hours: 3 }],
        },
      },
    });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => app.cleanup());

  it('proposes after 2 working hours across the spring change, once, also when run again', async () => {
    // Confirmed Sunday 29 Mar 2026 00:00 local (22:00Z): the shift gives 2 h by 02:00Z; the
    // wall clock would say 4 h already at 02:00Z and 3 h 59 at 01:59Z.
    const id = await confirmedAt(null, nightPacker, at('2026-03-28T22:00:00Z'));
    assert.equal(await run('2026-03-29T01:59:00Z'), 0);
    assert.equal((await proposals(id)).length, 0);
    assert.equal(await run('2026-03-29T02:00:00Z'), 1);
    // A retried job and three runs at once add nothing.
    assert.equal(await run('2026-03-29T02:00:00Z'), 0);
    await Promise.all([
      run('2026-03-29T03:00:00Z'),
      run('2026-03-29T04:00:00Z'),
      run('2026-03-30T00:00:00Z'),
    ]);
    assert.deepEqual(await proposals(id), [
      {
        id: (await proposals(id))[0]?.id,
        rule: 'late_packing',
        event_kind: 'order_confirmed',
        event_id: id,
        packer_id: nightPacker,
      },
    ]);
  });

  it('uses the store’s hours, across the autumn change', async () => {
    // Confirmed Sunday 25 Oct 2026 00:00 local (21:00Z the day before); the shift starts at
    // 23:00Z and lasts 4 h; the store asks for 3 working hours: due at 02:00Z.
    const id = await confirmedAt(store, nightPacker, at('2026-10-24T21:00:00Z'));
    assert.equal(await run('2026-10-25T01:59:00Z'), 0);
    assert.equal(await run('2026-10-25T02:00:00Z'), 1);
    assert.equal((await proposals(id)).length, 1);
  });

  it('counts wall time for a packer without shifts and skips packed orders and a switched-off rule', async () => {
    const late = await confirmedAt(null, anyTimePacker, at('2026-11-30T08:00:00Z'));
    const packed = await confirmedAt(null, anyTimePacker, at('2026-11-30T08:00:00Z'));
    await app.database.db
      .updateTable('orders')
      .set({ status: 'packed' })
      .where('id', '=', packed)
      .execute();
    assert.equal(await run('2026-11-30T09:59:00Z'), 0);
    assert.equal(await run('2026-11-30T10:00:00Z'), 1);
    assert.equal((await proposals(late)).length, 1);
    assert.equal((await proposals(packed)).length, 0);
    await owner.request('PUT', '/api/penalty-settings', {
      rules: { late_packing: { enabled: false, default_hours: 2, store_hours: [] } },
    });
    const off = await confirmedAt(null, anyTimePacker, at('2026-11-30T08:00:00Z'));
    assert.equal(await run('2026-12-30T10:00:00Z'), 0);
    assert.equal((await proposals(off)).length, 0);
  });
});
