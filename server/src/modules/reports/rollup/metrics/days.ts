import { type RawBuilder, sql } from 'kysely';
import type { CountMetric, Db, DayWindow } from '../metric.js';

/**
 * The per-day flow of orders and parcels (queries/days.ts) and the volumes per store and courier
 * (queries/shipping.ts). Every metric is sliced by the order's store (0: orders made by hand)
 * and by the courier of the order's made, not cancelled AWB ('' while it has none; the shipments
 * trigger marks the order's days when that changes). No packer slice (packer_id 0).
 *
 * Definitions (the same on both databases; the COD ones are the COD page's, cod-figures.repo.ts):
 * - orders_in: orders created in the day;
 * - distributed: orders whose first assignment is in the day;
 * - packed: orders first packed in the day (`assignments.packed_at`; a re-pack is not counted);
 * - shipped: AWBs made in the day — shipments made and not cancelled, by `shipments.created_at`
 *   (the instant generation started, a few seconds before the courier answered: the day the COD
 *   page counts an AWB in); amount = its COD (COD to collect);
 * - delivered / returned: shipments whose status is delivered / returned, on the day of their
 *   first such tracking event (the shipment's last change when the status came without one, as
 *   the COD page does); amount = their COD (collected / come back);
 * - backlog_in / backlog_out: an order enters the backlog when created unless it was closed from
 *   the start (first seen cancelled or completed in the store); it leaves at its first exit:
 *   packed, cancelled, or shipped without being packed. A reopened order stays out.
 */

const win = (col: RawBuilder<unknown>, w: DayWindow) =>
  sql`${col} >= ${w.start} AND ${col} < ${w.end}`;

/** The courier of order `o`'s made, not cancelled AWB (the newest attempt); '' without one. */
const ORDER_COURIER = sql`COALESCE((SELECT s2.courier FROM shipments s2
    WHERE s2.account_id = o.account_id AND s2.order_id = o.id AND s2.phase = 'made'
      AND (s2.status IS NULL OR s2.status <> 'cancelled')
    ORDER BY s2.attempt DESC LIMIT 1), '')`;

/** An audit event `e` that takes its order out of the backlog (besides packing). */
const EXIT_AUDIT = sql`e.entity = 'order' AND (e.action = 'shipped'
    OR (e.action = 'status_changed' AND e.to_value IN ('cancelled', 'shipped')))`;

/**
 * The first instant an audit event took order `o` out of the backlog (null if none). The action
 * is tested inside MIN, not in WHERE: in WHERE, PostgreSQL picks the (account, entity, action,
 * time) index and reads every 'shipped' event of the account for each order.
 */
const FIRST_EXIT_AUDIT = sql`(SELECT MIN(CASE WHEN ${EXIT_AUDIT} THEN e.created_at END)
    FROM audit_events e
    WHERE e.account_id = o.account_id AND e.entity = 'order' AND e.entity_id = o.id)`;

const OPEN = sql`('new', 'assigned', 'confirmed', 'packed')`;

// Lookups of an order's or a shipment's other rows are scalar subqueries, never [NOT] EXISTS:
// PostgreSQL turns those into (anti-)joins that may hash a whole table for one day's few rows; a
// scalar subquery is looked up per row through the order's (shipment's) index on both databases.

/**
 * One row per event with its instant (`at`), slice and amount → one row per slot and slice with
 * how many and how much.
 */
function perSlice(db: Db, events: RawBuilder<unknown>) {
  return db
    .selectFrom(
      sql<{ at: number; store_id: number; courier: string; amount: number }>`(${events})`.as('x'),
    )
    .select([
      sql<number>`x.at / 900000`.as('slot'),
      sql<number>`0`.as('packer_id'),
      'x.store_id',
      'x.courier',
      sql<number>`count(*)`.as('n'),
      sql<number>`cast(sum(x.amount) as bigint)`.as('amount'),
    ])
    .groupBy([sql`x.at / 900000`, 'x.store_id', 'x.courier']);
}

/** Orders `o` and their slice columns, `amount` 0. */
const ORDER_SLICE = sql`COALESCE(o.store_id, 0) AS store_id, ${ORDER_COURIER} AS courier, 0 AS amount`;

const ordersIn: CountMetric = {
  name: 'day.orders_in',
  rows: (db, w) =>
    perSlice(
      db,
      sql`SELECT o.created_at AS at, ${ORDER_SLICE} FROM orders o
        WHERE o.account_id = ${w.accountId} AND ${win(sql`o.created_at`, w)}`,
    ),
};

/** Orders whose first assignment (or first packing) `col` falls in the day. */
function firstOnAssignment(name: string, col: 'assigned_at' | 'packed_at'): CountMetric {
  const c = sql.raw(col);
  return {
    name,
    rows: (db, w) =>
      perSlice(
        db,
        sql`SELECT a.${c} AS at, ${ORDER_SLICE} FROM assignments a
          JOIN orders o ON o.id = a.order_id AND o.account_id = a.account_id
          WHERE a.account_id = ${w.accountId} AND ${win(sql`a.${c}`, w)}
            AND a.id = (SELECT p.id FROM assignments p
              WHERE p.order_id = a.order_id AND p.${c} IS NOT NULL
              ORDER BY p.${c}, p.id LIMIT 1)`,
      ),
  };
}

const COD = sql`CASE WHEN s.cod_minor > 0 THEN s.cod_minor ELSE 0 END`;

const shipped: CountMetric = {
  name: 'day.shipped',
  rows: (db, w) =>
    perSlice(
      db,
      sql`SELECT s.created_at AS at, COALESCE(o.store_id, 0) AS store_id, s.courier AS courier,
          ${COD} AS amount
        FROM shipments s JOIN orders o ON o.id = s.order_id AND o.account_id = s.account_id
        WHERE s.account_id = ${w.accountId} AND ${win(sql`s.created_at`, w)}
          AND s.phase = 'made' AND s.awb IS NOT NULL
          AND (s.status IS NULL OR s.status <> 'cancelled')`,
    ),
};

/** Shipments in the final status `status`, on the day of their first such event. */
function finalStatus(name: string, status: 'delivered' | 'returned'): CountMetric {
  return {
    name,
    rows: (db, w) =>
      perSlice(
        db,
        sql`SELECT c.at, COALESCE(o.store_id, 0) AS store_id, s.courier AS courier,
            ${COD} AS amount
          FROM (
            SELECT e.shipment_id AS id, e.occurred_at AS at FROM shipment_events e
            WHERE e.account_id = ${w.accountId} AND e.status = ${status}
              AND ${win(sql`e.occurred_at`, w)}
              AND e.occurred_at = (SELECT MIN(f.occurred_at) FROM shipment_events f
                WHERE f.shipment_id = e.shipment_id AND f.status = e.status)
            UNION
            SELECT s3.id, s3.updated_at FROM shipments s3
            WHERE s3.account_id = ${w.accountId} AND s3.status = ${status}
              AND ${win(sql`s3.updated_at`, w)}
              AND (SELECT MIN(f.occurred_at) FROM shipment_events f
                WHERE f.shipment_id = s3.id AND f.status = ${status}) IS NULL
          ) c
          JOIN shipments s ON s.id = c.id
          JOIN orders o ON o.id = s.order_id AND o.account_id = s.account_id
          -- The candidates are the account's; s is read by its id (an account filter here lets
          -- PostgreSQL hash every delivered shipment of the account).
          WHERE s.phase = 'made' AND s.status = ${status}`,
      ),
  };
}

/** Order `o` has left the backlog at some point (so it was in it). */
const HAS_EXIT = sql`((SELECT MIN(a.packed_at) FROM assignments a WHERE a.order_id = o.id) IS NOT NULL
  OR ${FIRST_EXIT_AUDIT} IS NOT NULL)`;

const backlogIn: CountMetric = {
  name: 'day.backlog_in',
  rows: (db, w) =>
    perSlice(
      db,
      sql`SELECT o.created_at AS at, ${ORDER_SLICE} FROM orders o
        WHERE o.account_id = ${w.accountId} AND ${win(sql`o.created_at`, w)}
          AND (o.status IN ${OPEN} OR ${HAS_EXIT})`,
    ),
};

/**
 * Orders with an exit in the day (the candidates, by the indexes on the exits' times) and none
 * before it: their first exit is in the day.
 */
/** The first exit of a candidate `o` of backlogOut: its first packing or exit event. */
const FIRST_EXIT_AT = sql`CASE WHEN o.first_exit IS NULL
    OR (o.first_packed IS NOT NULL AND o.first_packed < o.first_exit)
  THEN o.first_packed ELSE o.first_exit END`;

const backlogOut: CountMetric = {
  name: 'day.backlog_out',
  // The candidates' first exits are computed in a materialized step: a planner without
  // statistics (a fresh PostgreSQL database) would otherwise test every order of the account.
  rows: (db, w) =>
    perSlice(
      db,
      sql`WITH c AS MATERIALIZED (
          SELECT o.id, o.account_id, o.store_id,
            (SELECT MIN(a.packed_at) FROM assignments a WHERE a.order_id = o.id) AS first_packed,
            ${FIRST_EXIT_AUDIT} AS first_exit
          FROM (
            SELECT a.order_id AS id FROM assignments a
            WHERE a.account_id = ${w.accountId} AND ${win(sql`a.packed_at`, w)}
            UNION
            SELECT e.entity_id FROM audit_events e
            WHERE e.account_id = ${w.accountId} AND e.entity = 'order' AND e.action = 'shipped'
              AND ${win(sql`e.created_at`, w)}
            UNION
            SELECT e.entity_id FROM audit_events e
            WHERE e.account_id = ${w.accountId} AND e.entity = 'order'
              AND e.action = 'status_changed' AND ${win(sql`e.created_at`, w)}
              AND e.to_value IN ('cancelled', 'shipped')
          ) ids
          JOIN orders o ON o.id = ids.id
          WHERE o.account_id = ${w.accountId}
        )
        SELECT ${FIRST_EXIT_AT} AS at, ${ORDER_SLICE} FROM c o
        WHERE COALESCE(o.first_packed, ${w.start}) >= ${w.start}
          AND COALESCE(o.first_exit, ${w.start}) >= ${w.start}`,
    ),
};

export const DAY_METRICS: readonly CountMetric[] = [
  ordersIn,
  firstOnAssignment('day.distributed', 'assigned_at'),
  firstOnAssignment('day.packed', 'packed_at'),
  shipped,
  finalStatus('day.delivered', 'delivered'),
  finalStatus('day.returned', 'returned'),
  backlogIn,
  backlogOut,
];

/** Metric names, for the readers. */
export const DAY = {
  ordersIn: 'day.orders_in',
  distributed: 'day.distributed',
  packed: 'day.packed',
  shipped: 'day.shipped',
  delivered: 'day.delivered',
  returned: 'day.returned',
  backlogIn: 'day.backlog_in',
  backlogOut: 'day.backlog_out',
} as const;
