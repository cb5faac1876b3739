import { sql } from 'kysely';
import { type AnyDb, isPostgres } from './helpers.js';

/**
 * Triggers mark the 15-minute slot of every change a report counts, in the transaction of the
 * change, whichever code path made it (sync, distribution, the station, couriers, COD imports):
 * a report read then rebuilds the local days holding dirty slots (15 minutes: every real time
 * zone's offset is a multiple of it, so a slot lies inside one local day).
 *
 * A shipment also marks the days of its order's assignments: per-packer figures are sliced by
 * the courier of the order, known only once the AWB is made.
 */
const MARKS: Record<string, { insert: string[]; update: string[] }> = {
  orders: { insert: ['created_at'], update: ['updated_at'] },
  assignments: {
    insert: ['assigned_at'],
    update: ['confirmed_at', 'packed_at', 'ended_at'],
  },
  audit_events: { insert: ['created_at'], update: [] },
  shipments: { insert: ['created_at'], update: ['updated_at'] },
  shipment_events: { insert: ['occurred_at'], update: [] },
  scan_mismatches: { insert: ['created_at'], update: [] },
  cod_settlement_lines: { insert: ['created_at', 'paid_at'], update: ['paid_at'] },
};

/** The assignment days of a shipment's order, as (account_id, at) rows. */
const ORDER_DAYS = (ref: string) => `
  SELECT account_id, assigned_at AS at FROM assignments WHERE order_id = ${ref}.order_id
  UNION ALL SELECT account_id, confirmed_at FROM assignments WHERE order_id = ${ref}.order_id
  UNION ALL SELECT account_id, packed_at FROM assignments WHERE order_id = ${ref}.order_id
  UNION ALL SELECT account_id, created_at FROM orders WHERE id = ${ref}.order_id`;

export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) await postgres(db);
  else await sqlite(db);
}

async function sqlite(db: AnyDb): Promise<void> {
  const mark = (col: string) =>
    `INSERT OR IGNORE INTO report_dirty (account_id, slot, n)
       SELECT NEW.account_id, NEW.${col} / 900000, 1 WHERE NEW.${col} IS NOT NULL;`;
  const orderDays = `INSERT OR IGNORE INTO report_dirty (account_id, slot, n)
       SELECT account_id, at / 900000, 1 FROM (${ORDER_DAYS('NEW')}) WHERE at IS NOT NULL;`;
  for (const [table, m] of Object.entries(MARKS)) {
    const extra = table === 'shipments' ? orderDays : '';
    await sql
      .raw(
        `CREATE TRIGGER ${table}_report_insert AFTER INSERT ON ${table} BEGIN
          ${m.insert.map(mark).join('\n')} ${extra} END`,
      )
      .execute(db);
    if (m.update.length)
      await sql
        .raw(
          `CREATE TRIGGER ${table}_report_update AFTER UPDATE ON ${table} BEGIN
            ${m.update.map(mark).join('\n')} ${extra} END`,
        )
        .execute(db);
  }
}

async function postgres(db: AnyDb): Promise<void> {
  // DO NOTHING takes no lock on an existing mark: concurrent writers never queue on a slot.
  await sql
    .raw(
      `CREATE FUNCTION report_mark(acc bigint, at bigint) RETURNS void AS $$
       BEGIN
         IF at IS NOT NULL THEN
           INSERT INTO report_dirty (account_id, slot, n) VALUES (acc, at / 900000, 1)
           ON CONFLICT (account_id, slot) DO NOTHING;
         END IF;
       END $$ LANGUAGE plpgsql`,
    )
    .execute(db);
  for (const [table, m] of Object.entries(MARKS)) {
    const marks = (cols: string[]) =>
      cols.map((c) => `PERFORM report_mark(NEW.account_id, NEW.${c});`).join('\n');
    const extra =
      table === 'shipments'
        ? `PERFORM report_mark(d.account_id, d.at) FROM (${ORDER_DAYS('NEW')}) d;`
        : '';
    await sql
      .raw(
        `CREATE FUNCTION ${table}_report_mark() RETURNS trigger AS $$
         BEGIN
           IF TG_OP = 'INSERT' THEN ${marks(m.insert)} ELSE ${marks(m.update)} END IF;
           ${extra}
           RETURN NULL;
         END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    const on = m.update.length ? 'INSERT OR UPDATE' : 'INSERT';
    await sql
      .raw(
        `CREATE TRIGGER ${table}_report_mark AFTER ${on} ON ${table}
         FOR EACH ROW EXECUTE FUNCTION ${table}_report_mark()`,
      )
      .execute(db);
  }
}
