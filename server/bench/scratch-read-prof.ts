import { Kysely, SqliteDialect } from 'kysely';
import SQLite from 'better-sqlite3';
import type { DB } from '../src/db/schema.js';
import { shippingReport } from '../src/modules/reports/queries/shipping.js';
import { packersReport } from '../src/modules/reports/queries/packers.js';
import { addDays, localDayOf } from '../src/shared/local-days.js';
import { benchDatabase } from './reports-data.js';
const { file, meta } = await benchDatabase(1_000_000, 16);
const { accountId, timeZone, now, currency } = meta;
const stats: string[] = [];
const ldb = new Kysely<DB>({ dialect: new SqliteDialect({ database: new SQLite(file) }), log: (e) => {
  if (e.level === 'query') stats.push(`${Math.round(e.queryDurationMillis)} ${e.query.sql.replace(/\s+/g, ' ').slice(0, 150)} ${JSON.stringify(e.query.parameters).slice(0, 120)}`);
} });
const today = localDayOf(now, timeZone);
const c = { accountId, timeZone, currency, from: addDays(today, -364), to: today, storeId: null, courier: null };
for (const [n, r] of [['shipping', shippingReport], ['packers', packersReport]] as const) {
  for (let i = 0; i < 2; i++) { stats.length = 0; const t = performance.now(); await r(ldb, c); console.log(n, Math.round(performance.now() - t)); }
  console.log(stats.join('\n'));
}
await ldb.destroy();
