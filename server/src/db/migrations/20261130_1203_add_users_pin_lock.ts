import { type AnyDb } from './helpers.js';

/**
 * A packer's PIN guesses since the last good login (counted before the PIN is checked), and
 * when the packer was locked for too many: locked until a manager unlocks.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('pin_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('users').addColumn('locked_at', 'bigint').execute();
}
