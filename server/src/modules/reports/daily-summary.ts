import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { addDays, localDayOf } from '../../shared/local-days.js';
import type { ReportContext } from './queries/context.js';
import { daysReport } from './queries/days.js';
import { packersReport } from './queries/packers.js';
import type { DailySummary, DayRow } from './reports.schema.js';
import { refreshRollups } from './rollup/rebuild.js';

/** The account facts a summary needs. */
export interface SummaryAccount {
  id: number;
  timezone: string;
  currency: string;
}

/** How many packers the summary names (those who packed something, most first). */
export const TOP_PACKERS = 5;

/** Yesterday's summary in the account's zone, as the first page and the morning e-mail show it. */
export function dailySummary(
  db: Kysely<DB>,
  account: SummaryAccount,
  now: number = Date.now(),
): Promise<DailySummary> {
  return summaryOfDay(db, account, addDays(localDayOf(now, account.timezone), -1), now);
}

/**
 * The summary of one local day: its row of the days report, the day before's (for the arrows),
 * the top packers by packed orders and the penalties proposed that day. The figures come from
 * the same report functions as the dashboard, so the e-mail never disagrees with the page.
 */
export async function summaryOfDay(
  db: Kysely<DB>,
  account: SummaryAccount,
  day: string,
  now: number = Date.now(),
): Promise<DailySummary> {
  await refreshRollups(db, account.id, account.timezone, now);
  const ctx = (from: string): ReportContext => ({
    accountId: account.id,
    timeZone: account.timezone,
    currency: account.currency,
    from,
    to: day,
    storeId: null,
    courier: null,
  });
  const previousDay = addDays(day, -1);
  const days = await daysReport(db, ctx(previousDay));
  const packers = await packersReport(db, ctx(day));
  const top = packers.packers
    .filter((p) => p.packed > 0)
    .sort((a, b) => b.packed - a.packed || a.packer_name.localeCompare(b.packer_name))
    .slice(0, TOP_PACKERS)
    .map((p) => ({ packer_id: p.packer_id, packer_name: p.packer_name, packed: p.packed }));
  return {
    timezone: account.timezone,
    currency: account.currency,
    day,
    figures: rowOf(days.days, day),
    previous: rowOf(days.days, previousDay),
    top_packers: top,
    penalties_proposed: packers.packers.reduce((s, p) => s + p.penalties_proposed, 0),
  };
}

/** The report's row of a day, or a row of zeros (a report may leave out a day with nothing). */
function rowOf(rows: DayRow[], day: string): DayRow {
  return (
    rows.find((r) => r.day === day) ?? {
      day,
      orders_in: 0,
      distributed: 0,
      packed: 0,
      shipped: 0,
      delivered: 0,
      returned: 0,
      cod_to_collect: 0,
      cod_collected: 0,
      cod_outstanding: 0,
      backlog: 0,
    }
  );
}
