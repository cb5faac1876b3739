import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { LocalDay } from '../../../shared/local-days.js';

/**
 * The COD figures as SQL aggregates (the same SQL on SQLite and PostgreSQL; nothing summed in
 * memory). A COD shipment is a made AWB with an amount to collect. It is *collected* once
 * delivered (the first `delivered` tracking event; the shipment's last change when the status
 * was set without one), *paid out* by the settlement lines matched to it, and *outstanding* for
 * what was collected and not paid yet.
 */

/** The account's COD shipments with their delivery instant and the amount paid out for them. */
function codShipments(accountId: number): RawBuilder<unknown> {
  return sql`SELECT s.id, s.order_id, s.courier, s.awb, s.status, s.currency, s.created_at,
      s.cod_minor,
      CASE WHEN s.status = 'delivered' THEN COALESCE(
        (SELECT MIN(e.occurred_at) FROM shipment_events e
          WHERE e.shipment_id = s.id AND e.account_id = s.account_id AND e.status = 'delivered'),
        s.updated_at) END AS delivered_at,
      COALESCE((SELECT SUM(l.amount_minor) FROM cod_settlement_lines l
        WHERE l.account_id = s.account_id AND l.shipment_id = s.id AND l.paid_at IS NOT NULL),
        0) AS paid
    FROM shipments s
    WHERE s.account_id = ${accountId} AND s.phase = 'made' AND s.cod_minor > 0
      AND (s.status IS NULL OR s.status <> 'cancelled')`;
}

const big = (e: RawBuilder<unknown>) => sql<number>`CAST(COALESCE(${e}, 0) AS BIGINT)`;
const unpaid = sql`CASE WHEN cs.cod_minor > cs.paid THEN cs.cod_minor - cs.paid ELSE 0 END`;

export interface DayFigures {
  day: string;
  expected: number;
  collected: number;
  paid_out: number;
  outstanding: number;
  returned: number;
}

/** Per local day: COD of AWBs made, COD delivered, money paid out, delivered and still unpaid. */
export async function figuresPerDay(
  db: Kysely<DB>,
  accountId: number,
  days: LocalDay[],
): Promise<DayFigures[]> {
  if (days.length === 0) return [];
  const values = sql.join(
    days.map((d) => sql`(${d.day}, CAST(${d.start} AS BIGINT), CAST(${d.end} AS BIGINT))`),
  );
  const inDay = (col: string) =>
    sql`cs.${sql.raw(col)} >= d.d_start AND cs.${sql.raw(col)} < d.d_end`;
  const rows = await sql<DayFigures>`
    WITH days (day, d_start, d_end) AS (VALUES ${values}),
    cs AS (${codShipments(accountId)})
    SELECT d.day,
      ${big(sql`(SELECT SUM(cs.cod_minor) FROM cs WHERE ${inDay('created_at')})`)} AS expected,
      ${big(sql`(SELECT SUM(cs.cod_minor) FROM cs WHERE ${inDay('delivered_at')})`)} AS collected,
      ${big(sql`(SELECT SUM(l.amount_minor) FROM cod_settlement_lines l
        WHERE l.account_id = ${accountId} AND l.paid_at >= d.d_start AND l.paid_at < d.d_end)`)}
        AS paid_out,
      ${big(sql`(SELECT SUM(${unpaid}) FROM cs WHERE ${inDay('delivered_at')})`)} AS outstanding,
      ${big(sql`(SELECT COUNT(*) FROM cs WHERE cs.status = 'returned' AND ${inDay('created_at')})`)}
        AS returned
    FROM days d
    ORDER BY d.day`.execute(db);
  return rows.rows.map((r) => ({
    day: String(r.day),
    expected: Number(r.expected),
    collected: Number(r.collected),
    paid_out: Number(r.paid_out),
    outstanding: Number(r.outstanding),
    returned: Number(r.returned),
  }));
}

export interface CodTotals {
  outstanding: number;
  overdue: number;
  overdue_count: number;
  returned: number;
  returned_count: number;
  unmatched: number;
  unmatched_count: number;
}

/** All time: what is collected and unpaid, the part older than the cutoff, returned, unmatched. */
export async function codTotals(
  db: Kysely<DB>,
  accountId: number,
  overdueBefore: number,
): Promise<CodTotals> {
  const overdue = sql`cs.delivered_at < ${overdueBefore} AND cs.cod_minor > cs.paid`;
  const r = await sql<Record<keyof CodTotals, number>>`
    WITH cs AS (${codShipments(accountId)})
    SELECT
      ${big(sql`(SELECT SUM(${unpaid}) FROM cs WHERE cs.delivered_at IS NOT NULL)`)} AS outstanding,
      ${big(sql`(SELECT SUM(${unpaid}) FROM cs WHERE ${overdue})`)} AS overdue,
      ${big(sql`(SELECT COUNT(*) FROM cs WHERE ${overdue})`)} AS overdue_count,
      ${big(sql`(SELECT SUM(cs.cod_minor) FROM cs WHERE cs.status = 'returned')`)} AS returned,
      ${big(sql`(SELECT COUNT(*) FROM cs WHERE cs.status = 'returned')`)} AS returned_count,
      ${big(sql`(SELECT SUM(l.amount_minor) FROM cod_settlement_lines l
        WHERE l.account_id = ${accountId} AND l.shipment_id IS NULL)`)} AS unmatched,
      ${big(sql`(SELECT COUNT(*) FROM cod_settlement_lines l
        WHERE l.account_id = ${accountId} AND l.shipment_id IS NULL)`)} AS unmatched_count
    `.execute(db);
  const row = r.rows[0];
  return {
    outstanding: Number(row?.outstanding ?? 0),
    overdue: Number(row?.overdue ?? 0),
    overdue_count: Number(row?.overdue_count ?? 0),
    returned: Number(row?.returned ?? 0),
    returned_count: Number(row?.returned_count ?? 0),
    unmatched: Number(row?.unmatched ?? 0),
    unmatched_count: Number(row?.unmatched_count ?? 0),
  };
}

export type CodFilter = 'outstanding' | 'overdue' | 'returned' | 'all';

export interface CodShipmentRow {
  shipment_id: number;
  order_id: number;
  order_number: string;
  courier: string;
  awb: string;
  status: string | null;
  currency: string;
  created_at: number;
  cod_minor: number;
  delivered_at: number | null;
  paid: number;
}

/** COD shipments under a filter, oldest first, one page; or those of one order. */
export async function codShipmentRows(
  db: Kysely<DB>,
  accountId: number,
  q: { filter: CodFilter; overdueBefore: number; orderId?: number; limit: number; offset: number },
): Promise<{ rows: CodShipmentRow[]; total: number }> {
  const conds = [sql`1 = 1`];
  if (q.orderId !== undefined) conds.push(sql`cs.order_id = ${q.orderId}`);
  if (q.filter === 'outstanding')
    conds.push(sql`cs.delivered_at IS NOT NULL AND cs.cod_minor > cs.paid`);
  if (q.filter === 'overdue')
    conds.push(sql`cs.delivered_at < ${q.overdueBefore} AND cs.cod_minor > cs.paid`);
  if (q.filter === 'returned') conds.push(sql`cs.status = 'returned'`);
  const where = sql.join(conds, sql` AND `);
  const rows = await sql<CodShipmentRow>`
    WITH cs AS (${codShipments(accountId)})
    SELECT cs.id AS shipment_id, cs.order_id, o.number AS order_number, cs.courier, cs.awb,
      cs.status, cs.currency, cs.created_at, cs.cod_minor, cs.delivered_at, cs.paid
    FROM cs JOIN orders o ON o.id = cs.order_id AND o.account_id = ${accountId}
    WHERE ${where}
    ORDER BY COALESCE(cs.delivered_at, cs.created_at), cs.id
    LIMIT ${q.limit} OFFSET ${q.offset}`.execute(db);
  const count = await sql<{ n: number }>`
    WITH cs AS (${codShipments(accountId)})
    SELECT CAST(COUNT(*) AS BIGINT) AS n FROM cs WHERE ${where}`.execute(db);
  return {
    rows: rows.rows.map((r) => ({
      ...r,
      shipment_id: Number(r.shipment_id),
      order_id: Number(r.order_id),
      created_at: Number(r.created_at),
      cod_minor: Number(r.cod_minor),
      delivered_at: r.delivered_at === null ? null : Number(r.delivered_at),
      paid: Number(r.paid),
    })),
    total: Number(count.rows[0]?.n ?? 0),
  };
}
