import type {
  Candidate,
  Decision,
  StrategyKey,
  Strategy,
  StrategyState,
} from './distribution.types.js';
import { reason } from '../../shared/reasons.js';

/** Round-robin: the next packer by id after the last one chosen for this store, wrapping. */
export const roundRobin: Strategy = {
  label: 'Round-robin',
  pick(_order, candidates, state) {
    const last = state.lastPackerId ?? 0;
    const packer = candidates.find((c) => c.id > last) ?? first(candidates);
    return {
      packer,
      reason: reason('round_robin', { after: last }),
      state: { ...state, lastPackerId: packer.id },
    };
  },
};

/** Least-loaded: fewest open orders, then the longest idle, then the lowest id. */
export const leastLoaded: Strategy = {
  label: 'Least loaded',
  pick(_order, candidates, state) {
    const sorted = [...candidates].sort(byLoad);
    const packer = first(sorted);
    const next = sorted[1];
    const why = next
      ? reason('least_loaded', { open: packer.openOrders, next: next.openOrders })
      : reason('least_loaded_only', { open: packer.openOrders });
    return { packer, reason: why, state };
  },
};

function byLoad(a: Candidate, b: Candidate): number {
  if (a.openOrders !== b.openOrders) return a.openOrders - b.openOrders;
  const idleA = a.lastAssignedAt ?? -1;
  const idleB = b.lastAssignedAt ?? -1;
  if (idleA !== idleB) return idleA - idleB;
  return a.id - b.id;
}

/**
 * Weighted: smooth weighted round-robin (the nginx algorithm). Every pick adds each
 * eligible packer's weight to its counter, takes the highest counter and subtracts the
 * total weight from it: over any window each packer gets its share, evenly spread.
 */
export const weighted: Strategy = {
  label: 'Weighted by share',
  pick(_order, candidates, state) {
    const weights = { ...(state.weights ?? {}) };
    let total = 0;
    let best: Candidate | undefined;
    let bestCounter = -Infinity;
    for (const c of candidates) {
      total += c.weight;
      const counter = (weights[c.id] ?? 0) + c.weight;
      weights[c.id] = counter;
      if (counter > bestCounter) {
        best = c;
        bestCounter = counter;
      }
    }
    const packer = best ?? first(candidates);
    weights[packer.id] = bestCounter - total;
    const share = Math.round((packer.weight / total) * 1000) / 10;
    return {
      packer,
      reason: reason('weighted', { share, weight: packer.weight, total }),
      state: { ...state, weights },
    };
  },
};

function first(candidates: readonly Candidate[]): Candidate {
  const c = candidates[0];
  if (!c) throw new Error('a strategy was called without candidates');
  return c;
}

/** Every strategy, by the key stored in the settings. Adding one is one line here. */
export const STRATEGIES = {
  'round-robin': roundRobin,
  'least-loaded': leastLoaded,
  weighted,
} as const satisfies Record<StrategyKey, Strategy>;

export function strategyOf(key: string): Strategy {
  const s = (STRATEGIES as Record<string, Strategy | undefined>)[key];
  if (!s) throw new Error(`unknown distribution strategy "${key}"`);
  return s;
}

export type { Decision, StrategyState };
