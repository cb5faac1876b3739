import type { CountMetric, DurationMetric } from '../metric.js';
import { DAY_METRICS } from './days.js';
import { PACKER_COUNTS, PACKER_DURATIONS } from './packers.js';
import { SHIP_DURATIONS } from './shipping.js';

/**
 * Every metric the rollups hold, one registry: a report reads metrics by name from here.
 * Add a metric by adding it to a list (its name must be unique); the next rebuild of a day fills
 * it, and `npm run reports:rebuild` refills history.
 */
export const COUNT_METRICS: readonly CountMetric[] = [
  // Per packer: metrics/packers.ts.
  ...PACKER_COUNTS,
  // Per day, store and courier: metrics/days.ts.
  ...DAY_METRICS,
];

export const DURATION_METRICS: readonly DurationMetric[] = [
  // Per packer: metrics/packers.ts.
  ...PACKER_DURATIONS,
  // Order → AWB: metrics/shipping.ts.
  ...SHIP_DURATIONS,
];
