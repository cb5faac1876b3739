import { sql, type ExpressionBuilder } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { addDays } from '../../../shared/local-days.js';
import { ALL_COURIERS, ALL_STORES, type Db } from './metric.js';
import { DURATION_METRICS } from './metrics/index.js';

/** Which slice a report narrows to; absent means all. */
export interface SliceFilter {
  packerId?: number;
  storeId?: number;
  courier?: string;
}

export type CountKey = 'day' | 'packer_id' | 'store_id' | 'courier';
export type DurationKey = 'packer_id' | 'store_id' | 'courier';

export interface CountSum {
  metric: string;
  day: string;
  packer_id: number;
  store_id: number;
  courier: string;
  n: number;
  amount: number;
}

/** Histograms that also keep per-store and per-courier rows (see DurationMetric.everySlice). */
const EVERY_SLICE = new Set(DURATION_METRICS.filter((m) => m.everySlice).map((m) => m.name));

/**
 * The rows of the slice a read wants, for the store and the courier: a filter picks its value; a
 * dimension the read groups by takes every real value (not the "all" row); otherwise the "all" row
 * (ALL_STORES / ALL_COURIERS, summed by the rebuild), so nothing is counted twice. Most
 * histograms keep only the all-stores-and-couriers row (`onlyAllRow`): any other slice of them is
 * summed from the full rows.
 */
function sliceWhere(
  eb: ExpressionBuilder<DB, 'report_counts' | 'report_month_counts' | 'report_durations'>,
  by: readonly string[],
  filter: SliceFilter,
  onlyAllRow = false,
) {
  const sliced =
    filter.storeId !== undefined ||
    filter.courier !== undefined ||
    by.includes('store_id') ||
    by.includes('courier');
  const fullRows = onlyAllRow && sliced;
  const store =
    filter.storeId !== undefined
      ? eb('store_id', '=', filter.storeId)
      : by.includes('store_id') || fullRows
        ? eb('store_id', '>', ALL_STORES)
        : eb('store_id', '=', ALL_STORES);
  const courier =
    filter.courier !== undefined
      ? eb('courier', '=', filter.courier)
      : by.includes('courier') || fullRows
        ? eb('courier', '<>', ALL_COURIERS)
        : eb('courier', '=', ALL_COURIERS);
  const conditions = [store, courier];
  if (filter.packerId !== undefined) conditions.push(eb('packer_id', '=', filter.packerId));
  return eb.and(conditions);
}

/**
 * Sums of count metrics over local days [from, to] (YYYY-MM-DD, inclusive), grouped by `by`
 * (keys not grouped come back as '' / 0). Without 'day' in `by`, whole months inside the range
 * are read from the month sums and only the days at the edges from the day rows.
 */
export async function sumCounts(
  db: Db,
  accountId: number,
  range: { from: string; to: string },
  metrics: readonly string[],
  by: readonly CountKey[],
  filter: SliceFilter = {},
): Promise<CountSum[]> {
  if (metrics.length === 0 || range.from > range.to) return [];
  const keyOf = (r: {
    metric: string;
    day: string;
    packer_id: number;
    store_id: number;
    courier: string;
  }) => `${r.metric}\u0000${r.day}\u0000${r.packer_id}\u0000${r.store_id}\u0000${r.courier}`;
  const parts = by.includes('day')
    ? { months: [], dayRanges: [[range.from, range.to] as [string, string]] }
    : splitByMonths(range.from, range.to);
  const out = new Map<string, CountSum>();
  const add = (rows: CountSum[]) => {
    for (const r of rows) {
      const row = { ...r, n: Number(r.n), amount: Number(r.amount) };
      const had = out.get(keyOf(row));
      if (had) {
        had.n += row.n;
        had.amount += row.amount;
      } else out.set(keyOf(row), row);
    }
  };
  const select = [
    'metric',
    by.includes('packer_id') ? 'packer_id' : sql<number>`0`.as('packer_id'),
    by.includes('store_id') ? 'store_id' : sql<number>`0`.as('store_id'),
    by.includes('courier') ? 'courier' : sql<string>`''`.as('courier'),
    sql<number>`cast(sum(n) as bigint)`.as('n'),
    sql<number>`cast(sum(amount) as bigint)`.as('amount'),
  ] as const;
  const groupBy = ['metric', ...by.filter((b) => b !== 'day')] as const;
  if (parts.months.length)
    add(
      await db
        .selectFrom('report_month_counts')
        .select([...select, sql<string>`''`.as('day')])
        .where('account_id', '=', accountId)
        .where('month', 'in', parts.months)
        .where('metric', 'in', metrics)
        .where((eb) => sliceWhere(eb, by, filter))
        .groupBy([...groupBy])
        .execute(),
    );
  for (const [a, b] of parts.dayRanges)
    add(
      await db
        .selectFrom('report_counts')
        .select([...select, by.includes('day') ? 'day' : sql<string>`''`.as('day')])
        .where('account_id', '=', accountId)
        .where('day', '>=', a)
        .where('day', '<=', b)
        .where('metric', 'in', metrics)
        .where((eb) => sliceWhere(eb, by, filter))
        .groupBy([...groupBy, ...(by.includes('day') ? (['day'] as const) : [])])
        .execute(),
    );
  return [...out.values()];
}

export interface DurationCount {
  metric: string;
  packer_id: number;
  store_id: number;
  courier: string;
  minutes: number;
  n: number;
}

/**
 * The histogram (whole minutes → how many) of duration metrics over local days [from, to],
 * grouped by `by`, sorted by minutes. Whole months inside the range are read from the month
 * rows, the days at either edge from the day rows: a year costs twelve months, not 365 days.
 */
export async function durationHistogram(
  db: Db,
  accountId: number,
  range: { from: string; to: string },
  metrics: readonly string[],
  by: readonly DurationKey[],
  filter: SliceFilter = {},
): Promise<DurationCount[]> {
  if (metrics.length === 0) return [];
  const parts = splitByMonths(range.from, range.to);
  const copies = metrics.every((m) => EVERY_SLICE.has(m));
  // The months and each run of days are read apart: each is then one seek of the period index.
  const periods: Array<{ grain: 'day' | 'month'; from: string; to: string; in?: string[] }> = [
    ...(parts.months.length
      ? [{ grain: 'month' as const, from: '', to: '', in: parts.months }]
      : []),
    ...parts.dayRanges.map(([from, to]) => ({ grain: 'day' as const, from, to })),
  ];
  const merged = new Map<string, DurationCount>();
  for (const p of periods) {
    const rows = await db
      .selectFrom('report_durations')
      .select([
        'metric',
        by.includes('packer_id') ? 'packer_id' : sql<number>`0`.as('packer_id'),
        by.includes('store_id') ? 'store_id' : sql<number>`0`.as('store_id'),
        by.includes('courier') ? 'courier' : sql<string>`''`.as('courier'),
        'minutes',
        sql<number>`cast(sum(n) as bigint)`.as('n'),
      ])
      .where('account_id', '=', accountId)
      .where('metric', 'in', metrics)
      .where('grain', '=', p.grain)
      .$if(p.in !== undefined, (q) => q.where('period', 'in', p.in ?? []))
      .$if(p.in === undefined, (q) => q.where('period', '>=', p.from).where('period', '<=', p.to))
      .where((eb) => sliceWhere(eb, by, filter, !copies))
      .groupBy(['metric', ...by, 'minutes'])
      .execute();
    for (const r of rows) {
      const row = { ...r, minutes: Number(r.minutes), n: Number(r.n) };
      const key = `${row.metric}\u0000${row.packer_id}\u0000${row.store_id}\u0000${row.courier}\u0000${row.minutes}`;
      const had = merged.get(key);
      if (had) had.n += row.n;
      else merged.set(key, row);
    }
  }
  return [...merged.values()].sort((a, b) => a.minutes - b.minutes);
}

/** [from, to] as whole months (YYYY-MM) plus the day ranges left at its edges. */
export function splitByMonths(
  from: string,
  to: string,
): { months: string[]; dayRanges: Array<[string, string]> } {
  const months: string[] = [];
  const dayRanges: Array<[string, string]> = [];
  let day = from;
  while (day <= to) {
    const month = day.slice(0, 7);
    const nextMonthFirst = addDays(`${month}-01`, 32).slice(0, 7) + '-01';
    const lastOfMonth = addDays(nextMonthFirst, -1);
    if (day.endsWith('-01') && lastOfMonth <= to) months.push(month);
    else dayRanges.push([day, lastOfMonth < to ? lastOfMonth : to]);
    day = nextMonthFirst;
  }
  return { months, dayRanges };
}
