import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { parseJsonColumn } from '../../shared/json.js';
import { reason } from '../../shared/reasons.js';
import type { EventBus } from '../events/event-bus.js';
import { EMPTY_SCHEDULE, WeeklySchedule } from '../packers/packers.schema.js';
import { propose } from './penalty-rules.js';
import { PenaltySettings } from './penalty-settings.js';
import { workingMs } from './working-time.js';

const HOUR = 3_600_000;

/**
 * The time-based rule, run periodically (app.ts): an order confirmed and still not packed
 * after N hours of its packer's working time (their shifts, in the account's zone; N per store
 * or the default) gets one proposal per confirmation. Running it twice, or a retry after a
 * crash, proposes nothing new: the key is the order and the instant it was confirmed.
 */
export async function checkLatePacking(
  db: Kysely<DB>,
  events: EventBus,
  now: number,
): Promise<number> {
  const accounts = await db
    .selectFrom('penalty_settings as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select(['s.account_id', 's.settings', 'a.timezone'])
    .execute();
  let proposed = 0;
  for (const a of accounts) {
    const parsed = PenaltySettings.safeParse(parseJsonColumn<unknown>(a.settings, {}));
    if (!parsed.success || !parsed.data.rules.late_packing.enabled) continue;
    const settings = parsed.data;
    const rule = settings.rules.late_packing;
    const hoursOf = (storeId: number | null) =>
      rule.store_hours.find((h) => h.store_id === storeId)?.hours ?? rule.default_hours;
    const accountId = Number(a.account_id);
    const orders = await db
      .selectFrom('orders as o')
      .innerJoin('packers as p', (j) =>
        j.onRef('p.id', '=', 'o.packer_id').on('p.account_id', '=', accountId),
      )
      .select(['o.id', 'o.store_id', 'o.confirmed_at', 'o.packer_id', 'p.shifts'])
      .where('o.account_id', '=', accountId)
      .where('o.status', '=', 'confirmed')
      .where('o.confirmed_at', 'is not', null)
      // No schedule gives more working time than the wall clock: younger ones cannot be late.
      .where(
        'o.confirmed_at',
        '<=',
        now - Math.min(...[rule.default_hours, ...rule.store_hours.map((h) => h.hours)]) * HOUR,
      )
      .execute();
    for (const o of orders) {
      const confirmedAt = Number(o.confirmed_at);
      const hours = hoursOf(o.store_id === null ? null : Number(o.store_id));
      const shifts = WeeklySchedule.safeParse(parseJsonColumn<unknown>(o.shifts, {}));
      const worked = workingMs(
        shifts.success ? shifts.data : EMPTY_SCHEDULE,
        a.timezone,
        confirmedAt,
        now,
      );
      if (worked < hours * HOUR) continue;
      const id = await db.transaction().execute((trx) =>
        propose(trx, events, {
          accountId,
          packerId: Number(o.packer_id),
          orderId: Number(o.id),
          rule: 'late_packing',
          typeCode: 'late_packing',
          event: { kind: 'order_confirmed', id: Number(o.id) },
          key: `order:${o.id}:confirmed:${confirmedAt}`,
          reason: reason('rule_late_packing', { hours }),
          at: now,
          settings,
        }),
      );
      if (id !== null) proposed += 1;
    }
  }
  return proposed;
}
