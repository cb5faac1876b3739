import { Cron } from 'croner';

/**
 * Periodic work (store polling): runs `task` every `seconds`, never two at once (croner's
 * `protect`). The task should only enqueue jobs; the work itself runs in the worker.
 */
export function every(
  seconds: number,
  task: () => Promise<void>,
  onError: (err: unknown) => void,
): { stop(): void } {
  const cron = new Cron('* * * * * *', { protect: true, interval: seconds }, async () => {
    try {
      await task();
    } catch (err) {
      onError(err);
    }
  });
  return { stop: () => cron.stop() };
}
