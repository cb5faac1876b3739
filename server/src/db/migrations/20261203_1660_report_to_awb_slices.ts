import { sql } from 'kysely';
import type { AnyDb } from './helpers.js';

/**
 * The order → AWB histogram now also keeps a copy per store (over every courier) and per courier
 * (over every store), as the counts do (DurationMetric.everySlice): the rows already built get
 * theirs here, by day and by month, summed from the full rows; new days get them at the rebuild.
 */
export async function up(db: AnyDb): Promise<void> {
  const copies = [
    { store: sql`store_id`, courier: sql`'*'`, by: sql`store_id` },
    { store: sql`-1`, courier: sql`courier`, by: sql`courier` },
  ];
  for (const c of copies)
    await sql`INSERT INTO report_durations
        (account_id, grain, period, metric, packer_id, store_id, courier, minutes, n)
      SELECT account_id, grain, period, metric, packer_id, cast(${c.store} as bigint),
        cast(${c.courier} as text), minutes, cast(sum(n) as bigint)
      FROM report_durations
      WHERE metric = 'ship.to_awb' AND store_id <> -1 AND courier <> '*'
      GROUP BY account_id, grain, period, metric, packer_id, minutes, ${c.by}`.execute(db);
}
