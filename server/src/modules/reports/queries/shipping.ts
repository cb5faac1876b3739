import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { ShippingReport } from '../reports.schema.js';
import type { ReportContext } from './context.js';

/** Per store and per courier: volumes, order → AWB time, delivery and return rates. */
export function shippingReport(_db: Kysely<DB>, _c: ReportContext): Promise<ShippingReport> {
  return Promise.reject(new Error('shippingReport: being built (issue 16)'));
}
