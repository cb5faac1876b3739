import type { CountMetric, DurationMetric } from '../metric.js';
import { DAY_METRICS } from './days.js';
import { PACKER_COUNTS, PACKER_DURATIONS } from './packers.js';
import { SHIP_DURATIONS } from './shipping.js';

/**
 * Every metric the rollups hold, one registry: a report reads metrics by name from here.
 * Add a metric by adding it to a list (its name must be unique), then run `npm run
 * reports:rebuild` once: it recounts history whole (a refresh alone re-counts only the slots that
 * change, so a new or changed metric would be filled slot by slot).
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
