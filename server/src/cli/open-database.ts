import { loadConfig } from '../config.js';
import { type Database, openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/** The database the server would use (same environment), migrated to the latest schema. */
export async function openConfiguredDatabase(): Promise<Database> {
  const config = loadConfig();
  const database = openDatabase(config.database);
  await migrateToLatest(database.db);
  return database;
}

/** `--name value` pairs from the command line. */
export function parseFlags(argv: string[]): Record<string, string> {
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split('=', 2);
      if (key) flags[key] = inline ?? argv[++i] ?? '';
    }
  }
  return flags;
}
