import crypto from 'node:crypto';
import { type AnyDb } from './helpers.js';

// The same alphabet as accounts/station-code.ts (copied: a migration must not change when the
// application's code does).
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const newCode = () =>
  Array.from(crypto.randomBytes(8), (b) => ALPHABET[b % ALPHABET.length]).join('');

/**
 * Each account's station code: the packer station's address (`/station/<code>`) names the
 * account, so packer usernames need only be unique within it. Existing accounts get one here.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('station_code', 'text').execute();
  const accounts = await db.selectFrom('accounts').select('id').execute();
  for (const a of accounts)
    await db
      .updateTable('accounts')
      .set({ station_code: newCode() })
      .where('id', '=', a.id)
      .execute();
  await db.schema
    .createIndex('accounts_station_code')
    .on('accounts')
    .column('station_code')
    .unique()
    .execute();
}
