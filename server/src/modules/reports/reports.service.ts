import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { addDays, localDayOf } from '../../shared/local-days.js';
import { Invalid, NotFound } from '../../shared/errors.js';
import type { AuthContext } from '../accounts/accounts.service.js';
import { exportReport, type ExportFile, type ExportKind } from './exports/export.js';
import type { ReportContext } from './queries/context.js';
import { daysReport } from './queries/days.js';
import { packersReport } from './queries/packers.js';
import { shippingReport } from './queries/shipping.js';
import type { DaysReport, PackersReport, ReportQuery, ShippingReport } from './reports.schema.js';
import { refreshRollups } from './rollup/rebuild.js';

/** The default period: the last 30 local days, today included. */
export const DEFAULT_DAYS = 30;
/** The longest period one request may ask for (a year and a bit: a year's report, a month's margin). */
export const MAX_DAYS = 400;

/**
 * The reports for the dashboard and the exports: the period is resolved in the account's time
 * zone, the rollups are brought up to date (only the dirty days are recomputed), then the
 * report is read from them. Who may ask is decided by the routes (owner and manager).
 */
export class ReportsService {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly now: () => number = Date.now,
  ) {}

  packers(auth: AuthContext, q: ReportQuery): Promise<PackersReport> {
    return this.run(auth, q, packersReport);
  }

  days(auth: AuthContext, q: ReportQuery): Promise<DaysReport> {
    return this.run(auth, q, daysReport);
  }

  shipping(auth: AuthContext, q: ReportQuery): Promise<ShippingReport> {
    return this.run(auth, q, shippingReport);
  }

  /** A report as a CSV or XLSX file, in `lang` or the account's language. */
  async export(
    auth: AuthContext,
    kind: ExportKind,
    q: ReportQuery & { format: 'csv' | 'xlsx'; lang?: 'ro' | 'en' | undefined },
  ): Promise<ExportFile> {
    const { format, lang, ...query } = q;
    const language = lang ?? (auth.account.language === 'en' ? 'en' : 'ro');
    const report =
      kind === 'packers'
        ? { kind, report: await this.packers(auth, query) }
        : kind === 'days'
          ? { kind, report: await this.days(auth, query) }
          : { kind, report: await this.shipping(auth, query) };
    return exportReport(report, format, language);
  }

  /** The context of a query: the account's zone and currency, the period, the slice. */
  async contextOf(accountId: number, q: ReportQuery): Promise<ReportContext> {
    const account = await this.db
      .selectFrom('accounts')
      .select(['timezone', 'currency'])
      .where('id', '=', accountId)
      .executeTakeFirstOrThrow();
    const today = localDayOf(this.now(), account.timezone);
    const to = q.to ?? today;
    const from = q.from ?? addDays(to, -(DEFAULT_DAYS - 1));
    // The pattern lets 2026-02-30 through; a real day reads back the same.
    for (const d of [from, to])
      if (addDays(d, 0) !== d) throw new Invalid('report_period_invalid', `${d} is not a day.`);
    if (from > to)
      throw new Invalid(
        'report_period_invalid',
        `The period starts (${from}) after it ends (${to}).`,
      );
    if (spanDays(from, to) > MAX_DAYS)
      throw new Invalid('report_period_invalid', `A report covers at most ${MAX_DAYS} days.`);
    if (q.store_id !== undefined) {
      const store = await this.db
        .selectFrom('stores')
        .select('id')
        .where('account_id', '=', accountId)
        .where('id', '=', q.store_id)
        .executeTakeFirst();
      if (!store) throw new NotFound('store_not_found', `Store ${q.store_id} not found.`);
    }
    return {
      accountId,
      timeZone: account.timezone,
      currency: account.currency,
      from,
      to,
      storeId: q.store_id ?? null,
      courier: q.courier ?? null,
    };
  }

  private async run<R>(
    auth: AuthContext,
    q: ReportQuery,
    report: (db: Kysely<DB>, c: ReportContext) => Promise<R>,
  ): Promise<R> {
    const c = await this.contextOf(auth.accountId, q);
    await refreshRollups(this.db, c.accountId, c.timeZone, this.now());
    return report(this.db, c);
  }
}

/** Days from `from` to `to` inclusive (calendar days; the zone plays no part). */
function spanDays(from: string, to: string): number {
  return (
    Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
  );
}

/**
 * Accounts with changes not yet rolled up: the periodic refresh warms their rollups so the
 * morning's first read finds them ready.
 */
export async function refreshDirtyAccounts(
  db: Kysely<DB>,
  onError: (err: unknown, accountId: number) => void,
): Promise<number> {
  const rows = await db
    .selectFrom('report_dirty')
    .innerJoin('accounts', 'accounts.id', 'report_dirty.account_id')
    .select(['report_dirty.account_id', 'accounts.timezone'])
    .distinct()
    .execute();
  let done = 0;
  for (const r of rows) {
    try {
      await refreshRollups(db, Number(r.account_id), r.timezone);
      done += 1;
    } catch (err) {
      // One account's failure never keeps the others cold.
      onError(err, Number(r.account_id));
    }
  }
  return done;
}
