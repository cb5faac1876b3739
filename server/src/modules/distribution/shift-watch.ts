import { Cron } from 'croner';
import type { DistributionService } from './distribution.service.js';

/**
 * Runs the distribution's periodic check every minute inside the server process: shifts end
 * and start on the minute. `protect` skips a run while the previous one is still going.
 */
export function startShiftWatch(
  distribution: DistributionService,
  onError: (err: unknown) => void,
): { stop(): void } {
  const job = new Cron('0 * * * * *', { protect: true }, async () => {
    try {
      await distribution.tick();
    } catch (err) {
      onError(err);
    }
  });
  return { stop: () => job.stop() };
}
