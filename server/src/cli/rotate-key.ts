import crypto from 'node:crypto';
import fs from 'node:fs';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { Vault, keyFilePath, parseKey } from '../modules/stores/vault.js';

/**
 * `npm run rotate-key`: re-seals every store credential under a new master key.
 * - Key file (default): a new key is written to master.key.next (mode 0600), every credential
 *   is re-sealed in one transaction, then master.key.next replaces master.key. A crash in
 *   between leaves both files, and the server opens values sealed under either.
 * - ECOMDIR_MASTER_KEY: give the new key in ECOMDIR_NEW_MASTER_KEY; after the command,
 *   start the server with ECOMDIR_MASTER_KEY set to it.
 * Keys are never printed.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const old = Vault.open(config.dataDir, config.masterKey);
  const file = keyFilePath(config.dataDir);
  let next: Buffer;
  if (config.masterKey) {
    const given = process.env.ECOMDIR_NEW_MASTER_KEY;
    if (!given)
      throw new ConfigError(
        'ECOMDIR_MASTER_KEY is set: give the new key in ECOMDIR_NEW_MASTER_KEY.',
      );
    next = parseKey(given, 'ECOMDIR_NEW_MASTER_KEY');
  } else {
    next = fs.existsSync(`${file}.next`)
      ? parseKey(fs.readFileSync(`${file}.next`, 'utf8'), `${file}.next`)
      : crypto.randomBytes(32);
    fs.writeFileSync(`${file}.next`, `${next.toString('base64')}\n`, { mode: 0o600 });
  }
  const fresh = Vault.fromKeys(next);
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);
  const count = await database.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('stores')
      .select(['id', 'credentials'])
      .where('credentials', 'is not', null)
      .execute();
    for (const r of rows) {
      await trx
        .updateTable('stores')
        .set({ credentials: fresh.seal(old.open(r.credentials ?? '')) })
        .where('id', '=', r.id)
        .execute();
    }
    return rows.length;
  });
  await database.destroy();
  if (!config.masterKey) fs.renameSync(`${file}.next`, file);
  console.log(
    `Re-sealed ${count} store credential(s) under key ${fresh.keyId}.${config.masterKey ? ' Now set ECOMDIR_MASTER_KEY to the new key and restart.' : ''}`,
  );
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
