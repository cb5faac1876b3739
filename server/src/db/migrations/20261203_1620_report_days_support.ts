import { sql } from 'kysely';
import { type AnyDb, isPostgres } from './helpers.js';

/**
 * What the per-day and per-store/courier rollups (reports/rollup/metrics/days.ts) need:
 * - indexes to read one local day of AWBs made (shipments.created_at), of deliveries and returns
 *   (the first final tracking event, or the status set without one);
 * - a mark of the AWB's own day when a shipment's phase or status changes later (an AWB cancelled
 *   or delivered days after it was made changes the figures of the day it was made and of its
 *   earlier tracking events). The marks of 1602 only cover the change's own instant and the
 *   order's assignment days.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('shipments_account_created')
    .on('shipments')
    .columns(['account_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('shipments_account_status_updated')
    .on('shipments')
    .columns(['account_id', 'status', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('shipment_events_account_status_at')
    .on('shipment_events')
    .columns(['account_id', 'status', 'occurred_at'])
    .execute();

  const days = `SELECT NEW.account_id AS account_id, NEW.created_at AS at
    UNION ALL SELECT account_id, occurred_at FROM shipment_events WHERE shipment_id = NEW.id`;
  if (isPostgres(db)) {
    await sql
      .raw(
        `CREATE FUNCTION shipments_report_made_mark() RETURNS trigger AS $$
         BEGIN
           PERFORM report_mark(d.account_id, d.at) FROM (${days}) d;
           RETURN NULL;
         END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER shipments_report_made_mark AFTER UPDATE ON shipments FOR EACH ROW
         WHEN (OLD.phase IS DISTINCT FROM NEW.phase OR OLD.status IS DISTINCT FROM NEW.status)
         EXECUTE FUNCTION shipments_report_made_mark()`,
      )
      .execute(db);
  } else {
    await sql
      .raw(
        `CREATE TRIGGER shipments_report_made AFTER UPDATE ON shipments
         WHEN OLD.phase IS NOT NEW.phase OR OLD.status IS NOT NEW.status
         BEGIN
           INSERT OR IGNORE INTO report_dirty (account_id, slot, n)
             SELECT account_id, at / 900000, 1 FROM (${days}) WHERE at IS NOT NULL;
         END`,
      )
      .execute(db);
  }
}
