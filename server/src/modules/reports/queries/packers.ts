import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import { addDays, localMidnight } from '../../../shared/local-days.js';
import { IN_FORCE } from '../../penalties/ledger.js';
import type { PackerRow, PackersReport } from '../reports.schema.js';
import { medianAndP90 } from '../rollup/percentile.js';
import { durationHistogram, sumCounts, type DurationCount } from '../rollup/read.js';
import { headOf, sliceOf, type ReportContext } from './context.js';

const COUNTS = {
  assigned: 'packer.assigned',
  confirmed: 'packer.confirmed',
  packed: 'packer.packed',
  items_packed: 'packer.items_packed',
  orders_with_mismatch: 'packer.orders_with_mismatch',
  moved_away: 'packer.moved_away',
} as const;
type CountField = keyof typeof COUNTS;

const DURATIONS = {
  to_confirm: { work: 'packer.to_confirm_work', wall: 'packer.to_confirm_wall' },
  to_pack: { work: 'packer.to_pack_work', wall: 'packer.to_pack_wall' },
} as const;

/** The time-to-pack chart's bars, in minutes: [from, next from); the last one is open. */
export const TIME_TO_PACK_BINS = [0, 5, 10, 15, 30, 60, 120, 240] as const;

interface Penalties {
  proposed: number;
  applied: number;
  waived: number;
  sum: number;
}

/**
 * Per packer: counts, times (median, p90; working and wall), scans, penalties, overrides.
 * Counts and times come from the rollups (fresh: the service refreshes them first), penalties
 * straight from their small tables; every figure is an SQL aggregate.
 */
export async function packersReport(db: Kysely<DB>, c: ReportContext): Promise<PackersReport> {
  const range = { from: c.from, to: c.to };
  const slice = sliceOf(c);
  const counts = await sumCounts(
    db,
    c.accountId,
    range,
    Object.values(COUNTS),
    ['packer_id'],
    slice,
  );
  const durations = await durationHistogram(
    db,
    c.accountId,
    range,
    Object.values(DURATIONS).flatMap((d) => [d.work, d.wall]),
    ['packer_id'],
    slice,
  );
  const penalties = await penaltiesByPacker(db, c);

  const ids = new Set<number>([
    ...counts.map((r) => r.packer_id),
    ...durations.map((r) => r.packer_id),
    ...penalties.keys(),
  ]);
  const packers = await db
    .selectFrom('packers')
    .select(['id', 'name'])
    .where('account_id', '=', c.accountId)
    .where((eb) =>
      ids.size ? eb.or([eb('active', '=', 1), eb('id', 'in', [...ids])]) : eb('active', '=', 1),
    )
    .execute();
  const names = new Map(packers.map((p) => [Number(p.id), p.name]));
  for (const id of names.keys()) ids.add(id);

  const rows = [...ids].map((id) =>
    row(id, names.get(id) ?? `#${id}`, counts, durations, penalties),
  );
  rows.sort((a, b) => a.packer_name.localeCompare(b.packer_name) || a.packer_id - b.packer_id);
  return {
    ...headOf(c),
    packers: rows,
    time_to_pack: timeToPack(durations.filter((d) => d.metric === DURATIONS.to_pack.wall)),
  };
}

function row(
  id: number,
  name: string,
  counts: Awaited<ReturnType<typeof sumCounts>>,
  durations: DurationCount[],
  penalties: Map<number, Penalties>,
): PackerRow {
  const count = (f: CountField) =>
    counts.find((r) => r.packer_id === id && r.metric === COUNTS[f])?.n ?? 0;
  const times = (d: { work: string; wall: string }) => {
    const of = (metric: string) =>
      medianAndP90(durations.filter((r) => r.packer_id === id && r.metric === metric));
    const work = of(d.work);
    const wall = of(d.wall);
    return {
      median_work: work.median,
      p90_work: work.p90,
      median_wall: wall.median,
      p90_wall: wall.p90,
    };
  };
  const packed = count('packed');
  const mismatched = count('orders_with_mismatch');
  const p = penalties.get(id) ?? { proposed: 0, applied: 0, waived: 0, sum: 0 };
  return {
    packer_id: id,
    packer_name: name,
    assigned: count('assigned'),
    confirmed: count('confirmed'),
    packed,
    items_packed: count('items_packed'),
    to_confirm: times(DURATIONS.to_confirm),
    to_pack: times(DURATIONS.to_pack),
    orders_with_mismatch: mismatched,
    scan_mismatch_rate: packed === 0 ? null : Math.min(1, mismatched / packed),
    penalties_proposed: p.proposed,
    penalties_applied: p.applied,
    penalties_waived: p.waived,
    penalties_sum: p.sum,
    moved_away: count('moved_away'),
  };
}

/** The wall-time histogram of confirmed → packed, every packer of the selection, in bars. */
function timeToPack(histogram: DurationCount[]): PackersReport['time_to_pack'] {
  return TIME_TO_PACK_BINS.map((from, i) => {
    const to = TIME_TO_PACK_BINS[i + 1] ?? null;
    const count = histogram
      .filter((h) => h.minutes >= from && (to === null || h.minutes < to))
      .reduce((s, h) => s + h.n, 0);
    return { from_minutes: from, to_minutes: to, count };
  });
}

/**
 * Penalties created in the period (local days → instants), by their newest ledger state. A
 * store narrows them to penalties on that store's orders; they have no courier, so a courier
 * does not narrow them.
 */
async function penaltiesByPacker(db: Kysely<DB>, c: ReportContext) {
  const start = localMidnight(c.from, c.timeZone);
  const end = localMidnight(addDays(c.to, 1), c.timeZone);
  const inForce = sql.join(IN_FORCE.map((s) => sql.lit(s)));
  let q = db
    .selectFrom('penalties as p')
    .leftJoin('penalty_entries as e', (j) =>
      j
        .onRef('e.penalty_id', '=', 'p.id')
        .on(
          'e.seq',
          '=',
          sql<number>`(SELECT max(e2.seq) FROM penalty_entries e2 WHERE e2.penalty_id = p.id)`,
        ),
    )
    .select([
      'p.packer_id',
      sql<number>`count(*)`.as('proposed'),
      sql<number>`cast(sum(CASE WHEN e.state IN (${inForce}) THEN 1 ELSE 0 END) as bigint)`.as(
        'applied',
      ),
      sql<number>`cast(sum(CASE WHEN e.state = 'waived' THEN 1 ELSE 0 END) as bigint)`.as('waived'),
      sql<number>`cast(sum(CASE WHEN e.state IN (${inForce}) THEN p.amount_minor ELSE 0 END) as bigint)`.as(
        'sum',
      ),
    ])
    .where('p.account_id', '=', c.accountId)
    .where('p.created_at', '>=', start)
    .where('p.created_at', '<', end);
  if (c.storeId !== null) {
    const storeId = c.storeId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('orders as o')
          .select(sql`1`.as('one'))
          .whereRef('o.id', '=', 'p.order_id')
          .where('o.account_id', '=', c.accountId)
          .where('o.store_id', '=', storeId),
      ),
    );
  }
  const rows = await q.groupBy('p.packer_id').execute();
  return new Map<number, Penalties>(
    rows.map((r) => [
      Number(r.packer_id),
      {
        proposed: Number(r.proposed),
        applied: Number(r.applied),
        waived: Number(r.waived),
        sum: Number(r.sum),
      },
    ]),
  );
}
