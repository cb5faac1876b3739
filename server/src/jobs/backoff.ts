/**
 * Delay before retry number `attempt` (1 = first retry): exponential from 5 s, capped at one
 * hour, with full jitter in the upper half so that jobs failing together (a store down) do
 * not all come back in the same second.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(3_600_000, 5_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base / 2 + random() * (base / 2));
}
