import { sql } from 'kysely';
import { addDays } from '../../../shared/local-days.js';
import type { Db } from './metric.js';

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

/**
 * Sums of count metrics over local days [from, to] (YYYY-MM-DD, inclusive), grouped by `by`
 * (keys not grouped come back as '' / 0). One aggregate over the rollup's primary key.
 */
export async function sumCounts(
  db: Db,
  accountId: number,
  range: { from: string; to: string },
  metrics: readonly string[],
  by: readonly CountKey[],
  filter: SliceFilter = {},
): Promise<CountSum[]> {
  if (metrics.length === 0) return [];
  let q = db
    .selectFrom('report_counts')
    .select([
      'metric',
      by.includes('day') ? 'day' : sql<string>`''`.as('day'),
      by.includes('packer_id') ? 'packer_id' : sql<number>`0`.as('packer_id'),
      by.includes('store_id') ? 'store_id' : sql<number>`0`.as('store_id'),
      by.includes('courier') ? 'courier' : sql<string>`''`.as('courier'),
      sql<number>`cast(sum(n) as bigint)`.as('n'),
      sql<number>`cast(sum(amount) as bigint)`.as('amount'),
    ])
    .where('account_id', '=', accountId)
    .where('day', '>=', range.from)
    .where('day', '<=', range.to)
    .where('metric', 'in', metrics);
  if (filter.packerId !== undefined) q = q.where('packer_id', '=', filter.packerId);
  if (filter.storeId !== undefined) q = q.where('store_id', '=', filter.storeId);
  if (filter.courier !== undefined) q = q.where('courier', '=', filter.courier);
  const rows = await q.groupBy(['metric', ...by]).execute();
  return rows.map((r) => ({ ...r, n: Number(r.n), amount: Number(r.amount) }));
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
  let q = db
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
    .where((eb) =>
      eb.or([
        ...(parts.months.length
          ? [eb.and([eb('grain', '=', 'month'), eb('period', 'in', parts.months)])]
          : []),
        ...parts.dayRanges.map(([a, b]) =>
          eb.and([eb('grain', '=', 'day'), eb('period', '>=', a), eb('period', '<=', b)]),
        ),
      ]),
    );
  if (filter.packerId !== undefined) q = q.where('packer_id', '=', filter.packerId);
  if (filter.storeId !== undefined) q = q.where('store_id', '=', filter.storeId);
  if (filter.courier !== undefined) q = q.where('courier', '=', filter.courier);
  const rows = await q
    .groupBy(['metric', ...by, 'minutes'])
    .orderBy('minutes')
    .execute();
  return rows.map((r) => ({ ...r, minutes: Number(r.minutes), n: Number(r.n) }));
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
