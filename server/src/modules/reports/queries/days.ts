import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { addDays } from '../../../shared/local-days.js';
import { type CountSum, sumCounts } from '../rollup/read.js';
import { DAY } from '../rollup/metrics/days.js';
import type { DayRow, DaysReport } from '../reports.schema.js';
import { headOf, type ReportContext, sliceOf } from './context.js';

/** Before any account's history: the start of the running totals. */
const BEGINNING = '0000-01-01';

/** The metrics whose running sum from the beginning of history gives the day-end figures. */
const RUNNING = [DAY.shipped, DAY.delivered, DAY.returned, DAY.backlogIn, DAY.backlogOut];

/**
 * Per local day: the flow of orders, cash on delivery, the backlog at the day's end. Every day
 * of the period is a row (zeros included). `cod_outstanding` is the COD of every AWB made up to
 * the day's end minus what was delivered (collected) or came back (returned: nothing will be
 * collected for it); `backlog` is every order that entered the backlog minus every one that left
 * it. Both are running totals: one sum over the days before the period, then day by day.
 */
export async function daysReport(db: Kysely<DB>, c: ReportContext): Promise<DaysReport> {
  const slice = sliceOf(c);
  const [inPeriod, before] = await Promise.all([
    sumCounts(db, c.accountId, { from: c.from, to: c.to }, Object.values(DAY), ['day'], slice),
    sumCounts(db, c.accountId, { from: BEGINNING, to: addDays(c.from, -1) }, RUNNING, [], slice),
  ]);
  const byDay = new Map<string, Map<string, CountSum>>();
  for (const r of inPeriod) {
    const m = byDay.get(r.day) ?? new Map<string, CountSum>();
    m.set(r.metric, r);
    byDay.set(r.day, m);
  }
  const prior = new Map(before.map((r) => [r.metric, r]));
  let outstanding =
    (prior.get(DAY.shipped)?.amount ?? 0) -
    (prior.get(DAY.delivered)?.amount ?? 0) -
    (prior.get(DAY.returned)?.amount ?? 0);
  let backlog = (prior.get(DAY.backlogIn)?.n ?? 0) - (prior.get(DAY.backlogOut)?.n ?? 0);

  const days: DayRow[] = [];
  for (let day = c.from; day <= c.to; day = addDays(day, 1)) {
    const m = byDay.get(day);
    const n = (metric: string) => m?.get(metric)?.n ?? 0;
    const amount = (metric: string) => m?.get(metric)?.amount ?? 0;
    outstanding += amount(DAY.shipped) - amount(DAY.delivered) - amount(DAY.returned);
    backlog += n(DAY.backlogIn) - n(DAY.backlogOut);
    days.push({
      day,
      orders_in: n(DAY.ordersIn),
      distributed: n(DAY.distributed),
      packed: n(DAY.packed),
      shipped: n(DAY.shipped),
      delivered: n(DAY.delivered),
      returned: n(DAY.returned),
      cod_to_collect: amount(DAY.shipped),
      cod_collected: amount(DAY.delivered),
      cod_outstanding: outstanding,
      backlog,
    });
  }
  const sum = (k: keyof DaysReport['totals']) => days.reduce((s, d) => s + d[k], 0);
  return {
    ...headOf(c),
    days,
    totals: {
      orders_in: sum('orders_in'),
      distributed: sum('distributed'),
      packed: sum('packed'),
      shipped: sum('shipped'),
      delivered: sum('delivered'),
      returned: sum('returned'),
      cod_to_collect: sum('cod_to_collect'),
      cod_collected: sum('cod_collected'),
    },
  };
}
