import { sql, type Expression, type SqlBool } from 'kysely';
import type { CountMetric, Db, DayWindow, DurationMetric } from '../metric.js';

/**
 * Per-packer metrics, one row per assignment fact, sliced by the assignment's packer, the
 * order's store (0 when none) and the courier of the order's made AWB ('' when none: a later
 * AWB re-marks the order's assignment days, see migration 1602). Each fact is counted on the
 * local day its own instant falls in.
 */

type At = 'assigned_at' | 'confirmed_at' | 'packed_at' | 'ended_at';

/** The courier of the order's AWB in force: the newest made (not failed, not cancelled) one. */
const COURIER = sql<string>`coalesce((SELECT s.courier FROM shipments s
  WHERE s.account_id = a.account_id AND s.order_id = a.order_id AND s.phase = 'made'
  ORDER BY s.id DESC LIMIT 1), '')`;

/** The assignments whose `at` lies in the window, with their slice and `value` per row. */
function facts(
  db: Db,
  w: DayWindow,
  at: At,
  value: Expression<unknown>,
  extra?: Expression<SqlBool>,
) {
  let q = db
    .selectFrom('assignments as a')
    .innerJoin('orders as o', (j) =>
      j.onRef('o.id', '=', 'a.order_id').onRef('o.account_id', '=', 'a.account_id'),
    )
    .select([
      sql<number>`a.${sql.raw(at)} / 900000`.as('slot'),
      'a.packer_id',
      sql<number>`coalesce(o.store_id, 0)`.as('store_id'),
      COURIER.as('courier'),
      sql<number>`${value}`.as('v'),
    ])
    .where('a.account_id', '=', w.accountId)
    .where(`a.${at}`, '>=', w.start)
    .where(`a.${at}`, '<', w.end);
  if (extra) q = q.where(extra);
  return q;
}

/** A count metric: how many facts per slice (n), or the sum of `value` when `sum` is set. */
function countOf(
  name: string,
  at: At,
  opts: { sum?: Expression<unknown>; where?: Expression<SqlBool> } = {},
): CountMetric {
  return {
    name,
    rows: (db, w) =>
      db
        .selectFrom(facts(db, w, at, opts.sum ?? sql`1`, opts.where).as('x'))
        .select([
          'x.slot',
          'x.packer_id',
          'x.store_id',
          'x.courier',
          sql<number>`cast(sum(x.v) as bigint)`.as('n'),
          sql<number>`cast(0 as bigint)`.as('amount'),
        ])
        .groupBy(['x.slot', 'x.packer_id', 'x.store_id', 'x.courier']),
  };
}

/** A duration metric: `ms` (never negative) as whole minutes, floored, counted per slice. */
function durationOf(
  name: string,
  at: At,
  ms: Expression<unknown>,
  where?: Expression<SqlBool>,
): DurationMetric {
  const minutes = sql`(CASE WHEN ${ms} < 0 THEN 0 ELSE ${ms} END) / 60000`;
  const known = where
    ? sql<SqlBool>`${ms} IS NOT NULL AND ${where}`
    : sql<SqlBool>`${ms} IS NOT NULL`;
  return {
    name,
    rows: (db, w) =>
      db
        .selectFrom(facts(db, w, at, minutes, known).as('x'))
        .select([
          'x.slot',
          'x.packer_id',
          'x.store_id',
          'x.courier',
          sql<number>`x.v`.as('minutes'),
          sql<number>`count(*)`.as('n'),
        ])
        .groupBy(['x.slot', 'x.packer_id', 'x.store_id', 'x.courier', 'x.v']),
  };
}

const NOT_OVERRIDE = sql<SqlBool>`a.override = 0`;
/** Of the assignment's own packer: mismatches before an override belong to the earlier packer. */
const HAD_MISMATCH = sql<SqlBool>`EXISTS (SELECT 1 FROM scan_mismatches sm
  WHERE sm.account_id = a.account_id AND sm.order_id = a.order_id AND sm.packer_id = a.packer_id)`;
/**
 * The order's next assignment (by id: assignments are appended) is an owner's override. The
 * order (of this account, the outer query's) scopes it: an account_id test here made SQLite
 * pick the account's ended_at index and read every assignment of the account per row.
 */
const MOVED_BY_OVERRIDE = sql<SqlBool>`(SELECT b.override FROM assignments b
  WHERE b.order_id = a.order_id AND b.id > a.id
  ORDER BY b.id LIMIT 1) = 1`;

export const PACKER_COUNTS: readonly CountMetric[] = [
  countOf('packer.assigned', 'assigned_at'),
  // An override's assignment is confirmed by the owner: counted here, not in the waits below.
  countOf('packer.confirmed', 'confirmed_at'),
  countOf('packer.packed', 'packed_at'),
  countOf('packer.items_packed', 'packed_at', { sum: sql`o.items_count` }),
  countOf('packer.orders_with_mismatch', 'packed_at', { where: HAD_MISMATCH }),
  countOf('packer.moved_away', 'ended_at', { where: MOVED_BY_OVERRIDE }),
];

export const PACKER_DURATIONS: readonly DurationMetric[] = [
  durationOf(
    'packer.to_confirm_wall',
    'confirmed_at',
    sql`a.confirmed_at - a.assigned_at`,
    NOT_OVERRIDE,
  ),
  durationOf('packer.to_confirm_work', 'confirmed_at', sql`a.confirm_work_ms`, NOT_OVERRIDE),
  durationOf('packer.to_pack_wall', 'packed_at', sql`a.packed_at - a.confirmed_at`),
  durationOf('packer.to_pack_work', 'packed_at', sql`a.pack_work_ms`),
];
