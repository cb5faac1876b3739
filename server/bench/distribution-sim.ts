import { EMPTY_SCHEDULE, type WeeklySchedule } from '../src/modules/packers/packers.schema.js';
import { decide, knownSkillsOf } from '../src/modules/distribution/decide.js';
import type {
  Candidate,
  DistOrder,
  StrategyKey,
  StrategyState,
} from '../src/modules/distribution/distribution.types.js';
import {
  eligibilityContext,
  type EligibilityContext,
} from '../src/modules/distribution/eligibility.js';
import { STRATEGIES } from '../src/modules/distribution/strategies.js';

/** A small seeded PRNG (mulberry32): the same run every time. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const SKILLS = ['category:fragile', 'sku:gls-*', 'value>=750', 'shipping:easybox'];

function schedule(start: string, end: string): WeeklySchedule {
  const s: WeeklySchedule = { ...EMPTY_SCHEDULE };
  for (const d of DAYS) s[d] = [{ start, end }];
  return s;
}

/** 50 packers: weights 1..5, three shift patterns (and always-on), a few specialists. */
export function mixedPackers(n: number, random: () => number): Candidate[] {
  const shifts = [
    EMPTY_SCHEDULE,
    schedule('06:00', '14:00'),
    schedule('14:00', '22:00'),
    schedule('08:00', '20:00'),
  ];
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    name: `P${i + 1}`,
    active: i % 25 !== 24,
    weight: 1 + Math.floor(random() * 5),
    maxOpenOrders: i % 10 === 0 ? 40 : null,
    skills: i % 7 === 0 ? [SKILLS[i % SKILLS.length] ?? 'category:fragile'] : [],
    allowedStoreIds: i % 9 === 0 ? [1] : [],
    shifts: shifts[i % shifts.length] ?? EMPTY_SCHEDULE,
    openOrders: 0,
    lastAssignedAt: null,
  }));
}

export function equalPackers(n: number, weight = 1): Candidate[] {
  return mixedPackers(n, () => 0).map((p) => ({
    ...p,
    active: true,
    weight,
    maxOpenOrders: null,
    skills: [],
    allowedStoreIds: [],
    shifts: EMPTY_SCHEDULE,
  }));
}

export function orders(n: number, random: () => number): DistOrder[] {
  return Array.from({ length: n }, (_, i) => {
    const r = random();
    return {
      id: i + 1,
      storeId: 1 + Math.floor(random() * 3),
      skus: [r < 0.05 ? `GLS-${i % 100}` : `TRC-${i % 500}`],
      categories: r > 0.97 ? ['fragile'] : [],
      shippingMethods: [r > 0.5 && r < 0.55 ? 'easybox' : 'fan_courier'],
      totalMinor: Math.floor(random() * 80_000),
    };
  });
}

export interface SimResult {
  decisions: number;
  unassigned: number;
  ms: number;
  assignedBy: Map<number, number>;
}

/**
 * Runs the pure engine over a stream of orders arriving one a minute from Monday 00:00 in
 * Bucharest; after each, a random packer (the same chance for each) finishes one open
 * order, so loads move the way they do in a shop. Only the engine's time is counted.
 */
export function simulate(
  key: StrategyKey,
  packers: Candidate[],
  stream: DistOrder[],
  seed = 7,
): SimResult {
  const strategy = STRATEGIES[key];
  const random = rng(seed);
  const known = knownSkillsOf(packers);
  const start = Date.parse('2026-11-30T00:00:00+02:00');
  let state: StrategyState = {};
  let ctx: EligibilityContext = eligibilityContext(start, 'Europe/Bucharest', known);
  const assignedBy = new Map<number, number>();
  let unassigned = 0;
  let ms = 0;
  for (let i = 0; i < stream.length; i++) {
    const order = stream[i];
    if (!order) continue;
    if (i % 15 === 0) ctx = eligibilityContext(start + i * 60_000, 'Europe/Bucharest', known);
    const t = performance.now();
    const out = decide(order, packers, state, strategy, ctx);
    ms += performance.now() - t;
    if (out.kind === 'assign') {
      state = out.state;
      out.packer.openOrders += 1;
      out.packer.lastAssignedAt = ctx.now + i;
      assignedBy.set(out.packer.id, (assignedBy.get(out.packer.id) ?? 0) + 1);
    } else unassigned += 1;
    // Work gets done: a random packer (the same chance for each) finishes one open order.
    const done = packers[Math.floor(random() * packers.length)];
    if (done && done.openOrders > 0) done.openOrders -= 1;
  }
  return { decisions: stream.length, unassigned, ms, assignedBy };
}

export function gini(values: number[]): number {
  const xs = [...values].sort((a, b) => a - b);
  const n = xs.length;
  const sum = xs.reduce((s, x) => s + x, 0);
  if (n === 0 || sum === 0) return 0;
  let acc = 0;
  xs.forEach((x, i) => (acc += (2 * (i + 1) - n - 1) * x));
  return acc / (n * sum);
}
