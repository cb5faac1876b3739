import { sql } from 'kysely';
import { type AnyDb, isPostgres } from './helpers.js';

/**
 * Reasons become a code plus JSON parameters (shared/reasons.ts), rendered by the dashboard
 * in the reader's language. The sentences stored before are kept word for word as the code
 * `legacy_text` with `{"text": …}`; an empty reason becomes no reason (NULL).
 */
const TABLES = ['assignments', 'audit_events', 'unassigned_orders'] as const;

export async function up(db: AnyDb): Promise<void> {
  const asJson = isPostgres(db)
    ? sql`json_build_object('text', reason)::text`
    : sql`json_object('text', reason)`;
  for (const table of TABLES) {
    await db.schema.alterTable(table).addColumn('reason_code', 'text').execute();
    await db.schema.alterTable(table).addColumn('reason_params', 'text').execute();
    await db
      .updateTable(table)
      .set({ reason_code: 'legacy_text', reason_params: asJson })
      .where('reason', '<>', '')
      .execute();
    await db.schema.alterTable(table).dropColumn('reason').execute();
  }
}
