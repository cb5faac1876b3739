import type { WeeklySchedule } from '../packers/packers.schema.js';
import type { Reason } from '../../shared/reasons.js';

/** What distribution needs to know about an order, read once from the database. */
export interface DistOrder {
  id: number;
  storeId: number | null;
  skus: string[];
  /** Product categories of the items (lower-cased), from the item meta the store sent. */
  categories: string[];
  /** Shipping method ids and titles (lower-cased). */
  shippingMethods: string[];
  totalMinor: number;
}

/** A packer as distribution sees it; `openOrders` and `lastAssignedAt` change as it assigns. */
export interface Candidate {
  id: number;
  name: string;
  active: boolean;
  weight: number;
  maxOpenOrders: number | null;
  skills: string[];
  allowedStoreIds: number[];
  shifts: WeeklySchedule;
  openOrders: number;
  /** The last time this packer was given an order (null: never), for "longest idle". */
  lastAssignedAt: number | null;
}

/**
 * The strategies' memory for one store, persisted as JSON. Round-robin remembers the last
 * packer it chose; smooth weighted round-robin keeps each packer's running counter.
 */
export interface StrategyState {
  lastPackerId?: number;
  weights?: Record<string, number>;
}

export interface Decision {
  packer: Candidate;
  reason: Reason;
  state: StrategyState;
}

/**
 * A distribution strategy: a pure function of the order, the ELIGIBLE candidates (never
 * empty, sorted by id) and the store's state. It must not mutate its inputs and must give
 * the same decision for the same inputs; the next state is returned with the decision.
 */
export interface Strategy {
  label: string;
  pick(order: DistOrder, candidates: readonly Candidate[], state: StrategyState): Decision;
}

export const STRATEGY_KEYS = ['round-robin', 'least-loaded', 'weighted'] as const;
export type StrategyKey = (typeof STRATEGY_KEYS)[number];
