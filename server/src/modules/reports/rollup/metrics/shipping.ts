import { sql } from 'kysely';
import type { DurationMetric } from '../metric.js';

/**
 * Order created → AWB made, wall time in whole minutes (floor), on the AWB's day: the AWBs the
 * per-day `day.shipped` counts (made, not cancelled, by `shipments.created_at`), sliced by the
 * order's store and the AWB's courier. The counts per store and courier are the day metrics'.
 */
const toAwb: DurationMetric = {
  name: 'ship.to_awb',
  everySlice: true,
  rows: (db, w) =>
    db
      .selectFrom(
        sql<{ slot: number; store_id: number; courier: string; minutes: number }>`(
          SELECT s.created_at / 900000 AS slot, COALESCE(o.store_id, 0) AS store_id,
            s.courier AS courier,
            CASE WHEN s.created_at > o.created_at
              THEN (s.created_at - o.created_at) / 60000 ELSE 0 END AS minutes
          FROM shipments s JOIN orders o ON o.id = s.order_id AND o.account_id = s.account_id
          WHERE s.account_id = ${w.accountId}
            AND s.created_at >= ${w.start} AND s.created_at < ${w.end}
            AND s.phase = 'made' AND s.awb IS NOT NULL
            AND (s.status IS NULL OR s.status <> 'cancelled'))`.as('x'),
      )
      .select([
        'x.slot',
        sql<number>`0`.as('packer_id'),
        'x.store_id',
        'x.courier',
        'x.minutes',
        sql<number>`count(*)`.as('n'),
      ])
      .groupBy(['x.slot', 'x.store_id', 'x.courier', 'x.minutes']),
};

export const SHIP_DURATIONS: readonly DurationMetric[] = [toAwb];

export const SHIP = { toAwb: 'ship.to_awb' } as const;
