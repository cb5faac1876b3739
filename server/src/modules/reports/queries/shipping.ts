import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { DAY } from '../rollup/metrics/days.js';
import { SHIP } from '../rollup/metrics/shipping.js';
import { medianAndP90 } from '../rollup/percentile.js';
import { type CountSum, type DurationCount, durationHistogram, sumCounts } from '../rollup/read.js';
import type { ShippingReport, ShippingRow } from '../reports.schema.js';
import { headOf, type ReportContext, sliceOf } from './context.js';

const COUNTS = [DAY.ordersIn, DAY.shipped, DAY.delivered, DAY.returned];

/**
 * Per store and per courier: orders created, AWBs made, order → AWB time (median, p90), parcels
 * delivered and returned in the period; delivery_rate = delivered / (delivered + returned) and
 * return_rate = returned / (the same), null when neither happened. Stores: every store of the
 * account (the chosen one under a store filter) plus key '0' (name '') for orders made by hand
 * when it has figures. Couriers: every courier with figures (the chosen one under a courier
 * filter), named by key (the dashboard translates); key '' counts orders without an AWB.
 */
export async function shippingReport(db: Kysely<DB>, c: ReportContext): Promise<ShippingReport> {
  const range = { from: c.from, to: c.to };
  const slice = sliceOf(c);
  const [byStore, byCourier, storeTimes, courierTimes, stores] = await Promise.all([
    sumCounts(db, c.accountId, range, COUNTS, ['store_id'], slice),
    sumCounts(db, c.accountId, range, COUNTS, ['courier'], slice),
    durationHistogram(db, c.accountId, range, [SHIP.toAwb], ['store_id'], slice),
    durationHistogram(db, c.accountId, range, [SHIP.toAwb], ['courier'], slice),
    db
      .selectFrom('stores')
      .select(['id', 'name', 'removed_at'])
      .where('account_id', '=', c.accountId)
      .$if(c.storeId !== null, (q) => q.where('id', '=', c.storeId ?? 0))
      .execute(),
  ]);

  const names = new Map(stores.map((s) => [String(s.id), s.name]));
  // A removed store shows only while it has figures in the period; a chosen one always.
  const storeKeys = new Map<string, string>(
    stores
      .filter((s) => s.removed_at === null || c.storeId !== null)
      .map((s) => [String(s.id), s.name]),
  );
  for (const r of byStore) storeKeys.set(String(r.store_id), names.get(String(r.store_id)) ?? '');
  const storeRows = [...storeKeys].map(([key, name]) =>
    row(
      key,
      name,
      byStore.filter((r) => String(r.store_id) === key),
      storeTimes.filter((t) => String(t.store_id) === key),
    ),
  );
  // By name; phone orders (key '0') last.
  storeRows.sort(
    (a, b) =>
      Number(a.key === '0') - Number(b.key === '0') ||
      a.name.localeCompare(b.name) ||
      Number(a.key) - Number(b.key),
  );

  const courierKeys = new Set(byCourier.map((r) => r.courier));
  if (c.courier !== null) courierKeys.add(c.courier);
  const courierRows = [...courierKeys].map((key) =>
    row(
      key,
      key,
      byCourier.filter((r) => r.courier === key),
      courierTimes.filter((t) => t.courier === key),
    ),
  );
  // Orders without an AWB ('') last, the couriers by key.
  courierRows.sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.key.localeCompare(b.key)));

  return { ...headOf(c), stores: storeRows, couriers: courierRows };
}

function row(
  key: string,
  name: string,
  counts: readonly CountSum[],
  times: readonly DurationCount[],
): ShippingRow {
  const n = (metric: string) => counts.find((r) => r.metric === metric)?.n ?? 0;
  const delivered = n(DAY.delivered);
  const returned = n(DAY.returned);
  const ended = delivered + returned;
  const { median, p90 } = medianAndP90(times);
  return {
    key,
    name,
    orders: n(DAY.ordersIn),
    shipments: n(DAY.shipped),
    to_awb_median: median,
    to_awb_p90: p90,
    delivered,
    returned,
    delivery_rate: ended ? delivered / ended : null,
    return_rate: ended ? returned / ended : null,
  };
}
