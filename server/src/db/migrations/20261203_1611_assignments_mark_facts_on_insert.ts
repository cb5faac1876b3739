import { sql } from 'kysely';
import { type AnyDb, isPostgres } from './helpers.js';

/**
 * An assignment can be written already confirmed, packed or ended (the demo data, an import,
 * a test's history): its insert marks the slots of all four instants, not only assigned_at
 * (migration 1602 marked the others on update only), so the per-packer figures of those days
 * are rebuilt too.
 */
const COLUMNS = ['assigned_at', 'confirmed_at', 'packed_at', 'ended_at'];

export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    const marks = (cols: string[]) =>
      cols.map((c) => `PERFORM report_mark(NEW.account_id, NEW.${c});`).join('\n');
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION assignments_report_mark() RETURNS trigger AS $$
         BEGIN
           IF TG_OP = 'INSERT' THEN ${marks(COLUMNS)} ELSE ${marks(COLUMNS.slice(1))} END IF;
           RETURN NULL;
         END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    return;
  }
  await sql.raw('DROP TRIGGER assignments_report_insert').execute(db);
  const mark = (col: string) =>
    `INSERT OR IGNORE INTO report_dirty (account_id, slot, n)
       SELECT NEW.account_id, NEW.${col} / 900000, 1 WHERE NEW.${col} IS NOT NULL;`;
  await sql
    .raw(
      `CREATE TRIGGER assignments_report_insert AFTER INSERT ON assignments BEGIN
        ${COLUMNS.map(mark).join('\n')} END`,
    )
    .execute(db);
}
