import { markAllDirty, refreshRollups } from '../modules/reports/rollup/rebuild.js';
import { openConfiguredDatabase, parseFlags } from './open-database.js';

/**
 * `npm run reports:rebuild [-- --account <id>]`: rebuilds the report rollups of every account
 * (or one) from the raw rows — after a metric is added or changed, or to check a doubt. Marks
 * every slot of the account's history dirty, then refreshes, one account after the other; the
 * server may keep running (the refresh takes a month of slots per transaction).
 */
async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const database = await openConfiguredDatabase();
  try {
    const db = database.db;
    let q = db.selectFrom('accounts').select(['id', 'name', 'timezone']).orderBy('id');
    if (flags.account) q = q.where('id', '=', Number(flags.account));
    const accounts = await q.execute();
    if (accounts.length === 0) console.log('No account to rebuild.');
    for (const a of accounts) {
      const t0 = performance.now();
      process.stdout.write(`Account ${a.id} (${a.name}): marking its history… `);
      await db.transaction().execute((trx) => markAllDirty(trx, a.id));
      const slots = await db
        .selectFrom('report_dirty')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', a.id)
        .executeTakeFirstOrThrow();
      process.stdout.write(`${Number(slots.n)} slots; rebuilding… `);
      const days = await refreshRollups(db, a.id, a.timezone);
      console.log(`${days} days in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
    }
  } finally {
    await database.destroy();
  }
}

await main();
