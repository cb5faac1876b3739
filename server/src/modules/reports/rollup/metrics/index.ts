import type { CountMetric, DurationMetric } from '../metric.js';
import { DAY_METRICS } from './days.js';
import { SHIP_DURATIONS } from './shipping.js';

/**
 * Every metric the rollups hold, one registry: a report reads metrics by name from here.
 * Add a metric by adding it to a list (its name must be unique); the next rebuild of a day fills
 * it, and `npm run reports:rebuild` refills history.
 */
export const COUNT_METRICS: readonly CountMetric[] = [...DAY_METRICS];

export const DURATION_METRICS: readonly DurationMetric[] = [...SHIP_DURATIONS];
