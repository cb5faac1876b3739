import { filterEligible, unassignedReason, type EligibilityContext } from './eligibility.js';
import type { Candidate, DistOrder, Strategy, StrategyState } from './distribution.types.js';
import type { Reason } from '../../shared/reasons.js';

export type Outcome =
  | { kind: 'assign'; packer: Candidate; reason: Reason; state: StrategyState }
  | { kind: 'unassigned'; reason: Reason; state: StrategyState };

/**
 * The pure engine: eligibility, then the strategy. The reason says why this packer, and
 * names the skills the order needed (`skills: "category:fragile"` beside the strategy's own).
 */
export function decide(
  order: DistOrder,
  packers: readonly Candidate[],
  state: StrategyState,
  strategy: Strategy,
  ctx: EligibilityContext,
): Outcome {
  const e = filterEligible(order, packers, ctx);
  if (e.eligible.length === 0) return { kind: 'unassigned', reason: unassignedReason(e), state };
  const d = strategy.pick(order, e.eligible, state);
  const reason = e.required.length
    ? { ...d.reason, params: { ...d.reason.params, skills: e.required.join(', ') } }
    : d.reason;
  return { kind: 'assign', packer: d.packer, reason, state: d.state };
}

/** Every distinct skill declared by the account's packers: the requirements orders can have. */
export function knownSkillsOf(packers: readonly Candidate[]): string[] {
  return [...new Set(packers.flatMap((p) => p.skills))].sort();
}
