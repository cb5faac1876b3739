import { type AnyDb, emptyText, notNull, withId } from './helpers.js';

/**
 * A penalty's identity and the facts that never change (who, what, how much, which rule and
 * event proposed it). Its states are rows of `penalty_entries`; nothing here is updated.
 */
export async function up(db: AnyDb): Promise<void> {
  await withId(db, db.schema.createTable('penalties'))
    .addColumn('account_id', 'bigint', (c) => c.notNull().references('accounts.id'))
    .addColumn('packer_id', 'bigint', (c) => c.notNull().references('packers.id'))
    .addColumn('order_id', 'bigint', (c) => c.references('orders.id').onDelete('set null'))
    .addColumn('type_id', 'bigint', (c) => c.notNull().references('penalty_types.id'))
    .addColumn('amount_minor', 'bigint', notNull)
    .addColumn('currency', 'text', notNull)
    .addColumn('note', 'text', emptyText)
    .addColumn('rule', 'text')
    .addColumn('event_kind', 'text')
    .addColumn('event_id', 'bigint')
    /** `rule:event_kind:event_id` for proposals; NULL for penalties added by hand. */
    .addColumn('rule_key', 'text')
    .addColumn('created_by_user_id', 'bigint')
    .addColumn('created_by_label', 'text')
    .addColumn('created_at', 'bigint', notNull)
    .execute();
  // A rule proposes exactly once per event: concurrent or retried proposals hit this index
  // and insert nothing (NULLs, the hand-made ones, never collide).
  await db.schema
    .createIndex('penalties_rule_key')
    .on('penalties')
    .columns(['account_id', 'rule_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('penalties_packer')
    .on('penalties')
    .columns(['account_id', 'packer_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('penalties_account_created')
    .on('penalties')
    .columns(['account_id', 'created_at'])
    .execute();
}
