import { type AnyDb, notNull, withId } from './helpers.js';

/**
 * The append-only ledger of a penalty's states (proposed, applied, waived, contested, upheld,
 * cancelled, reversed); the current state is the entry with the highest `seq`. Two people
 * deciding the same penalty at once both try to write the same next `seq`: the unique index
 * lets one win and the other is told it changed meanwhile.
 */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('penalty_entries'))
    .addColumn('account_id', 'bigint', notNull)
    .addColumn('penalty_id', 'bigint', (c) =>
      c.notNull().references('penalties.id').onDelete('cascade'),
    )
    .addColumn('seq', 'integer', notNull)
    .addColumn('state', 'text', notNull)
    .addColumn('reason_code', 'text')
    .addColumn('reason_params', 'text')
    .addColumn('comment', 'text')
    .addColumn('actor_user_id', 'bigint')
    .addColumn('actor_label', 'text')
    .addColumn('actor_role', 'text', notNull)
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  await db.schema
    .createIndex('penalty_entries_seq')
    .on('penalty_entries')
    .columns(['penalty_id', 'seq'])
    .unique()
    .execute();
}
