import { sql } from 'kysely';
import { type AnyDb, isPostgres } from './helpers.js';

/**
 * Since rollups re-count single 15-minute slots (migration 1670), an update marks the slot a
 * fact leaves as well as the one it goes to: a packing moved or undone (OLD.packed_at), a
 * status set without an event that moves with the shipment's updated_at, a payout date changed.
 * An order's update also marks its creation (its backlog entry and store follow its status), and
 * a shipment marks the end of its order's assignments too (a move away is sliced by courier).
 * The day-wide rebuild hid these when both instants fell on the same day. A shipment's update
 * marks its order's instants only when the order's courier may change (phase, courier, a
 * cancellation): a tracking status alone leaves them, so a delivery re-counts a few slots.
 * Likewise a status change re-marks only the tracking events and the AWB instant it can move.
 */
const UPDATES: Record<string, { cols: string[]; also?: string[] }> = {
  orders: { cols: ['updated_at'], also: ['created_at'] },
  assignments: { cols: ['confirmed_at', 'packed_at', 'ended_at'] },
  shipments: { cols: ['updated_at'] },
  cod_settlement_lines: { cols: ['paid_at'] },
};
const INSERTS: Record<string, string[]> = {
  orders: ['created_at'],
  assignments: ['assigned_at', 'confirmed_at', 'packed_at', 'ended_at'],
  shipments: ['created_at'],
  cod_settlement_lines: ['created_at', 'paid_at'],
};

/** Every instant of a shipment's order that its courier slices, as (account_id, at) rows. */
const ORDER_DAYS = (ref: string) => `
  SELECT account_id, assigned_at AS at FROM assignments WHERE order_id = ${ref}.order_id
  UNION ALL SELECT account_id, confirmed_at FROM assignments WHERE order_id = ${ref}.order_id
  UNION ALL SELECT account_id, packed_at FROM assignments WHERE order_id = ${ref}.order_id
  UNION ALL SELECT account_id, ended_at FROM assignments WHERE order_id = ${ref}.order_id
  UNION ALL SELECT account_id, created_at FROM orders WHERE id = ${ref}.order_id`;

/** A shipment's update that may change its order's courier (`differs`: the dialect's "not equal, nulls included"). */
const SLICE_MAY_CHANGE = (differs: string) =>
  `(OLD.phase ${differs} NEW.phase OR OLD.courier ${differs} NEW.courier
    OR (OLD.status = 'cancelled') ${differs} (NEW.status = 'cancelled'))`;

/**
 * What a shipment's phase or status change re-marks (migration 1620 marked its AWB's day and every
 * tracking event): the AWB's own instant when it may stop or start counting as made (phase, a
 * cancellation), and its delivered or returned events (counted while the status is theirs).
 */
const MADE_DAYS = `SELECT NEW.account_id AS account_id, NEW.created_at AS at
    WHERE OLD.phase IS DISTINCT FROM NEW.phase
      OR (OLD.status = 'cancelled') IS DISTINCT FROM (NEW.status = 'cancelled')
  UNION ALL SELECT account_id, occurred_at FROM shipment_events
    WHERE shipment_id = NEW.id AND status IN ('delivered', 'returned')`;

export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) await postgres(db);
  else await sqlite(db);
}

async function sqlite(db: AnyDb): Promise<void> {
  await sql.raw('DROP TRIGGER IF EXISTS shipments_report_made').execute(db);
  await sql
    .raw(
      `CREATE TRIGGER shipments_report_made AFTER UPDATE ON shipments
       WHEN OLD.phase IS NOT NEW.phase OR OLD.status IS NOT NEW.status
       BEGIN
         INSERT OR IGNORE INTO report_dirty (account_id, slot, n)
           SELECT account_id, at / 900000, 1
           FROM (${MADE_DAYS.replaceAll('IS DISTINCT FROM', 'IS NOT')}) WHERE at IS NOT NULL;
       END`,
    )
    .execute(db);
  const mark = (row: 'NEW' | 'OLD', col: string) =>
    `INSERT OR IGNORE INTO report_dirty (account_id, slot, n)
       SELECT ${row}.account_id, ${row}.${col} / 900000, 1 WHERE ${row}.${col} IS NOT NULL;`;
  const orderDays = (when: string) => `INSERT OR IGNORE INTO report_dirty (account_id, slot, n)
       SELECT account_id, at / 900000, 1 FROM (${ORDER_DAYS('NEW')})
       WHERE at IS NOT NULL AND ${when};`;
  for (const [table, u] of Object.entries(UPDATES)) {
    const shipments = table === 'shipments';
    const insert = INSERTS[table] ?? [];
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_report_insert`).execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_report_insert AFTER INSERT ON ${table} BEGIN
          ${insert.map((c) => mark('NEW', c)).join('\n')}
          ${shipments ? orderDays('true') : ''} END`,
      )
      .execute(db);
    await sql.raw(`DROP TRIGGER IF EXISTS ${table}_report_update`).execute(db);
    const marks = [
      ...u.cols.flatMap((c) => [mark('NEW', c), mark('OLD', c)]),
      ...(u.also ?? []).map((c) => mark('NEW', c)),
    ];
    await sql
      .raw(
        `CREATE TRIGGER ${table}_report_update AFTER UPDATE ON ${table} BEGIN
          ${marks.join('\n')} ${shipments ? orderDays(SLICE_MAY_CHANGE('IS NOT')) : ''} END`,
      )
      .execute(db);
  }
}

async function postgres(db: AnyDb): Promise<void> {
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION shipments_report_made_mark() RETURNS trigger AS $$
       BEGIN
         PERFORM report_mark(d.account_id, d.at) FROM (${MADE_DAYS}) d;
         RETURN NULL;
       END $$ LANGUAGE plpgsql`,
    )
    .execute(db);
  for (const [table, u] of Object.entries(UPDATES)) {
    const perform = (row: 'NEW' | 'OLD', cols: string[]) =>
      cols.map((c) => `PERFORM report_mark(${row}.account_id, ${row}.${c});`).join('\n');
    const orderDays = `PERFORM report_mark(d.account_id, d.at) FROM (${ORDER_DAYS('NEW')}) d;`;
    const [onInsert, onUpdate] =
      table === 'shipments'
        ? [orderDays, `IF ${SLICE_MAY_CHANGE('IS DISTINCT FROM')} THEN ${orderDays} END IF;`]
        : ['', ''];
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION ${table}_report_mark() RETURNS trigger AS $$
         BEGIN
           IF TG_OP = 'INSERT' THEN ${perform('NEW', INSERTS[table] ?? [])} ${onInsert}
           ELSE ${perform('NEW', u.cols)} ${perform('OLD', u.cols)} ${perform('NEW', u.also ?? [])}
             ${onUpdate}
           END IF;
           RETURN NULL;
         END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
  }
}
