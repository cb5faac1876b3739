import { Kysely, SqliteDialect } from 'kysely';
import SQLite from 'better-sqlite3';
import type { DB } from '../src/db/schema.js';
import { refreshRollups } from '../src/modules/reports/rollup/rebuild.js';
import { insertBusyDay, insertBusyMinute, removeBusyDay } from './reports-busy.js';
import { benchDatabase, openBench } from './reports-data.js';
const { file, meta } = await benchDatabase(1_000_000, 16);
const { accountId, timeZone, now } = meta;
const main = openBench(file);
await refreshRollups(main.db, accountId, timeZone, now);
const busy = await insertBusyDay(main, accountId, timeZone, now);
const stats = new Map<string, [number, number]>();
const sqlite = new SQLite(file);
const ldb = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), log: (e) => {
  if (e.level !== 'query') return;
  const p = e.query.parameters.find((x) => typeof x === 'string' && /^(day|packer|ship)\./.test(x));
  const k = e.query.sql.replace(/\s+/g, ' ').slice(0, 90) + ' ' + String(p ?? '');
  const s = stats.get(k) ?? [0, 0]; s[0] += e.queryDurationMillis; s[1]++; stats.set(k, s);
} });
await refreshRollups(main.db, accountId, timeZone, now);
for (let i = 0; i < 2; i++) {
  const minute = await insertBusyMinute(main, accountId, busy, now);
  stats.clear();
  const t = performance.now();
  const tally = { wholeDays: 0, slots: 0 };
  const days = await refreshRollups(ldb, accountId, timeZone, now, tally);
  console.log(tally);
  console.log('refresh', days, 'days', Math.round(performance.now() - t), 'ms');
  for (const [k, [ms, n]] of [...stats].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25)) console.log(String(Math.round(ms)).padStart(6), n, k);
  await minute.undo();
  await refreshRollups(main.db, accountId, timeZone, now);
}
await ldb.destroy();
await removeBusyDay(main, accountId, busy, timeZone, now);
await main.destroy();
