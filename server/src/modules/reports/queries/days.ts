import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { DaysReport } from '../reports.schema.js';
import type { ReportContext } from './context.js';

/** Per local day: the flow of orders, cash on delivery, the backlog at the day's end. */
export function daysReport(_db: Kysely<DB>, _c: ReportContext): Promise<DaysReport> {
  return Promise.reject(new Error('daysReport: being built (issue 16)'));
}
