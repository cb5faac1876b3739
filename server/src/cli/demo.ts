import { PackersService } from '../modules/packers/packers.service.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import { seedOrders } from '../demo/seed-orders.js';
import { seedHistory } from '../demo/seed-history.js';
import { refreshRollups } from '../modules/reports/rollup/rebuild.js';
import {
  DISTRIBUTION_ACTOR,
  DistributionService,
} from '../modules/distribution/distribution.service.js';
import { createEventBus } from '../modules/events/event-bus.js';
import { openConfiguredDatabase } from './open-database.js';

const DEMO_EMAIL = 'demo@ecomdir.ro';
const DEMO_PASSWORD = 'demo-parola';

const PACKERS = [
  { name: 'Ioana Pop', username: 'ioana', pin: '111111', weight: 3, skills: ['fragile'] },
  { name: 'Andrei Stan', username: 'andrei', pin: '222222', weight: 2, skills: ['heavy'] },
  { name: 'Elena Matei', username: 'elena', pin: '333333', weight: 2, skills: ['cosmetice'] },
  { name: 'Mihai Rusu', username: 'mihai', pin: '444444', weight: 1, skills: [] },
  {
    name: 'Dana Lungu',
    username: 'dana',
    pin: '555555',
    weight: 1,
    skills: ['fragile', 'cosmetice'],
  },
];
const WEEKDAY_SHIFT = [{ start: '08:00', end: '16:00' }];
/** Only Dana keeps a weekday shift: the others are always available, so the demo works
 * whenever it is run (a weekend evening included) and still shows what a shift does. */
const ON_SHIFT = new Set(['dana']);

/** On a terminal, one line rewritten in place; elsewhere (a pipe, CI) a line every quarter. */
function progress(done: number, total: number): void {
  if (process.stdout.isTTY) {
    process.stdout.write(`\rOrders: ${done}/${total}`);
    if (done === total) process.stdout.write('\n');
  } else if (done === total || done % Math.max(1, Math.ceil(total / 4)) === 0) {
    process.stdout.write(`Orders: ${done}/${total}\n`);
  }
}

/** Fills a demo account ("Magazin Demo") with packers and a few hundred Romanian orders. */
async function main(): Promise<void> {
  const database = await openConfiguredDatabase();
  try {
    const db = database.db;
    const existing = await db
      .selectFrom('users')
      .innerJoin('accounts', 'accounts.id', 'users.account_id')
      .select('accounts.station_code')
      .where('users.email', '=', DEMO_EMAIL)
      .executeTakeFirst();
    if (existing) {
      console.log(
        `The demo account exists already. Log in as ${DEMO_EMAIL} / ${DEMO_PASSWORD}; ` +
          `packer station /station/${existing.station_code}: ioana / 111111.`,
      );
      return;
    }
    const accounts = new AccountsService(db, {
      sessionDays: 30,
      loginRateLimit: { max: 10, windowMs: 60_000 },
    });
    const { accountId, userId } = await accounts.createAccountWithOwner({
      accountName: 'Magazin Demo',
      name: 'Proprietar Demo',
      email: DEMO_EMAIL,
      password: DEMO_PASSWORD,
      onlyIfFirst: false,
    });
    const packers = new PackersService(db);
    const actor = { userId, label: 'Proprietar Demo' };
    const packerIds: number[] = [];
    const historyPackers = [];
    for (const p of PACKERS) {
      const day = ON_SHIFT.has(p.username) ? WEEKDAY_SHIFT : [];
      const shifts = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] };
      const created = await packers.create(
        accountId,
        { ...p, active: true, max_open_orders: 40, allowed_store_ids: [], shifts },
        actor,
      );
      packerIds.push(created.id);
      historyPackers.push({ id: created.id, shifts, weight: p.weight });
    }
    // A year of packed, shipped and delivered orders behind the live ones: the Reports page
    // has something to show from the first login.
    const now = Date.now();
    const th = performance.now();
    const history = await seedHistory(database, {
      accountId,
      orders: Number(process.env.DEMO_HISTORY_ORDERS ?? 3000),
      days: 365,
      now,
      seed: 16,
      storeIds: [],
      packers: historyPackers,
      owner: actor,
      numberPrefix: 'I',
    });
    const timeZone = await db
      .selectFrom('accounts')
      .select('timezone')
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    const tr = performance.now();
    const days = await refreshRollups(db, accountId, timeZone.timezone, now);
    console.log(
      `History: ${history.orders} orders over the last year in ${((tr - th) / 1000).toFixed(1)} s (${history.shipments} AWBs, ${history.cod_settlement_lines} COD payouts); reports built for ${days} days (${((performance.now() - tr) / 1000).toFixed(1)} s).`,
    );
    const count = Number(process.env.DEMO_ORDERS ?? 400);
    await seedOrders(db, {
      accountId,
      count,
      days: 21,
      packerIds,
      onProgress: progress,
    });
    // The newest orders go through automatic distribution, as synced orders would: some
    // get a packer with the reason, the rest wait in the Unassigned queue (outside shifts).
    const fresh = await db
      .selectFrom('orders')
      .select('id')
      .where('account_id', '=', accountId)
      .where('status', '=', 'new')
      .execute();
    const events = await createEventBus(database, null);
    const run = await new DistributionService(database, events).distribute(
      accountId,
      fresh.map((o) => o.id),
      DISTRIBUTION_ACTOR,
    );
    await events.close();
    console.log(
      `Demo ready: ${PACKERS.length} packers, ${count} orders; of the new ones ${run.assigned.length} distributed, ${run.unassigned.length} waiting in the Unassigned queue.`,
    );
    console.log(
      `Packers ${PACKERS.filter((p) => !ON_SHIFT.has(p.username))
        .map((p) => p.name)
        .join(', ')} have no schedule (always available); ` +
        `${PACKERS.filter((p) => ON_SHIFT.has(p.username))
          .map((p) => p.name)
          .join(', ')} works Mon–Fri 08:00–16:00 (account time zone).`,
    );
    const { station_code } = await db
      .selectFrom('accounts')
      .select('station_code')
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    console.log(
      `Dashboard login: ${DEMO_EMAIL} / ${DEMO_PASSWORD}. ` +
        `Packer station /station/${station_code}: ioana / 111111.`,
    );
  } finally {
    await database.destroy();
  }
}

await main();
