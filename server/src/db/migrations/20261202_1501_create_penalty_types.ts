import { sql } from 'kysely';
import { type AnyDb, emptyText, notNull, withId } from './helpers.js';

/**
 * Penalty types per account. The six defaults carry a `code` and no `name` (the dashboard
 * shows the code's name in the reader's language until the owner renames it); every account
 * that exists now gets them here, a new account at setup (penalties/penalty-types.repo.ts).
 */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('penalty_types'))
    .addColumn('account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addColumn('code', 'text')
    .addColumn('name', 'text')
    .addColumn('description', 'text', emptyText)
    .addColumn('default_amount_minor', 'bigint', notNull)
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', notNull)
    .addColumn('updated_at', 'bigint', notNull)
    .execute();
  // One default of each code per account: seeding twice inserts nothing.
  await db.schema
    .createIndex('penalty_types_code')
    .on('penalty_types')
    .columns(['account_id', 'code'])
    .unique()
    .execute();
  const now = Date.now();
  for (const [code, amount] of DEFAULT_PENALTY_TYPES) {
    await sql`INSERT INTO penalty_types
        (account_id, code, name, description, default_amount_minor, active, created_at, updated_at)
      SELECT id, ${code}, NULL, '', ${amount}, 1, ${now}, ${now} FROM accounts`.execute(db);
  }
}

/** Frozen copy of the defaults as they were when this migration was written. */
const DEFAULT_PENALTY_TYPES: [string, number][] = [
  ['wrong_item', 5000],
  ['missing_item', 5000],
  ['wrong_quantity', 3000],
  ['damaged_packing', 3000],
  ['late_packing', 2000],
  ['wrong_label', 2000],
];
