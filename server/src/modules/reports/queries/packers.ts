import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { PackersReport } from '../reports.schema.js';
import type { ReportContext } from './context.js';

/** Per packer: counts, times (median, p90; working and wall), scans, penalties, overrides. */
export function packersReport(_db: Kysely<DB>, _c: ReportContext): Promise<PackersReport> {
  return Promise.reject(new Error('packersReport: being built (issue 16)'));
}
