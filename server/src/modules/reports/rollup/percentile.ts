/**
 * Percentiles of durations, one definition on both databases (the histogram comes from SQL, the
 * pick is here): durations are whole minutes (floor of the exact time); the p-th percentile is
 * the **nearest rank**: the smallest value v such that at least p% of the durations are ≤ v,
 * i.e. the value at rank ceil(p/100 × N) of the sorted list (N ≥ 1). The median is p = 50, so
 * with an even count it is the lower of the two middle values (no averaging: every figure shown
 * is a duration that really happened).
 */
export function nearestRank(histogram: ReadonlyArray<{ minutes: number; n: number }>, p: number) {
  const total = histogram.reduce((s, h) => s + h.n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const h of [...histogram].sort((a, b) => a.minutes - b.minutes)) {
    seen += h.n;
    if (seen >= rank) return h.minutes;
  }
  return null;
}

/** Median and 90th percentile of one histogram (null when it holds no duration). */
export function medianAndP90(histogram: ReadonlyArray<{ minutes: number; n: number }>) {
  return { median: nearestRank(histogram, 50), p90: nearestRank(histogram, 90) };
}
