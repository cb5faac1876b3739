/**
 * `npm run bench:distribution`: the distribution engine.
 *  1. decisions per second of the pure engine (100,000 orders, 50 packers with weights,
 *     shifts, skills, store limits and max open orders), per strategy;
 *  2. fairness over 100,000 orders: for 50 equal packers the spread (max/min) and Gini of
 *     the load under round-robin and least-loaded; for weighted packers the largest
 *     deviation from their share;
 *  3. the time to assign 10,000 newly arrived orders through the real engine and
 *     repository on SQLite, database writes included (assignment, audit, outbox rows).
 * Targets: assign 10k < 2 s on SQLite; Gini ≤ 0.02; weighted error ≤ 1%.
 * The last line printed is one JSON object with the figures.
 */
import { STRATEGY_KEYS } from '../src/modules/distribution/distribution.types.js';
import { assignOnSqlite } from './distribution-db.js';
import { equalPackers, gini, mixedPackers, orders, rng, simulate } from './distribution-sim.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const PACKERS = 50;
const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

function loadOf(by: Map<number, number>, n: number): number[] {
  return Array.from({ length: n }, (_, i) => by.get(i + 1) ?? 0);
}

async function main(): Promise<void> {
  const stream = orders(ORDERS, rng(42));
  console.log(`distribution bench: ${ORDERS.toLocaleString('en')} orders, ${PACKERS} packers`);

  // 1. Throughput of the pure engine on the mixed roster.
  let decisions = 0;
  let ms = 0;
  for (const key of STRATEGY_KEYS) {
    const r = simulate(key, mixedPackers(PACKERS, rng(1)), stream);
    decisions += r.decisions;
    ms += r.ms;
    console.log(
      `  ${key.padEnd(13)} ${Math.round(r.decisions / (r.ms / 1000)).toLocaleString('en')} decisions/s (${r.unassigned} unassigned: off shift / no skill)`,
    );
  }
  const decisionsPerS = Math.round(decisions / (ms / 1000));

  // 2. Fairness.
  const fairness: Record<string, { spread: number; gini: number }> = {};
  for (const key of ['round-robin', 'least-loaded'] as const) {
    const load = loadOf(simulate(key, equalPackers(PACKERS), stream).assignedBy, PACKERS);
    const spread = Math.max(...load) / Math.max(1, Math.min(...load));
    fairness[key] = { spread: round(spread), gini: round(gini(load), 5) };
    console.log(
      `  fairness ${key}: load min ${Math.min(...load)}, max ${Math.max(...load)}, spread ${round(spread)}, Gini ${round(gini(load), 5)}`,
    );
  }
  const weightedRoster = equalPackers(PACKERS).map((p, i) => ({ ...p, weight: 1 + (i % 10) }));
  const totalWeight = weightedRoster.reduce((s, p) => s + p.weight, 0);
  const wLoad = loadOf(simulate('weighted', weightedRoster, stream).assignedBy, PACKERS);
  let weightedErr = 0;
  weightedRoster.forEach((p, i) => {
    const expected = (ORDERS * p.weight) / totalWeight;
    weightedErr = Math.max(weightedErr, (Math.abs((wLoad[i] ?? 0) - expected) / expected) * 100);
  });
  console.log(
    `  fairness weighted (weights 1..10): largest deviation from share ${round(weightedErr, 3)}%`,
  );

  // 3. The real engine and repository, with writes, on SQLite.
  const db = await assignOnSqlite(10_000, PACKERS);
  console.log(`  assign 10,000 new orders on SQLite (one run, writes included): ${db.batchMs} ms`);
  console.log(
    `  then 1,000 more one by one (a transaction each, as the sync hands them over): ${db.oneByOneAvgMs} ms per order`,
  );

  const ok =
    db.batchMs < 2000 &&
    (fairness['round-robin']?.gini ?? 1) <= 0.02 &&
    (fairness['least-loaded']?.gini ?? 1) <= 0.02 &&
    weightedErr <= 1;
  console.log(`  targets ${ok ? 'met' : 'NOT met'}`);
  console.log(
    JSON.stringify({
      orders: ORDERS,
      packers: PACKERS,
      decisions_per_s: decisionsPerS,
      assign_10k_ms: db.batchMs,
      assign_one_ms: db.oneByOneAvgMs,
      spread_round_robin: fairness['round-robin']?.spread,
      spread_least_loaded: fairness['least-loaded']?.spread,
      gini_round_robin: fairness['round-robin']?.gini,
      gini_least_loaded: fairness['least-loaded']?.gini,
      weighted_max_error_pct: round(weightedErr, 3),
      targets_met: ok,
    }),
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
