import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/** Bursts of changes (a store sync page, a bulk distribution) refetch once. */
const DEBOUNCE_MS = 250;

/**
 * Listens to the server's live updates (GET /api/events, server-sent events) and refetches
 * the given queries when orders change (or the given events: `penalties.changed`, …).
 * EventSource reconnects by itself after a drop.
 */
export function useLiveEvents(
  queryKeys: readonly (readonly unknown[])[],
  events: readonly string[] = ['orders.changed'],
): void {
  const qc = useQueryClient();
  const keys = JSON.stringify(queryKeys);
  const names = events.join(',');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        for (const key of JSON.parse(keys) as unknown[][]) {
          void qc.invalidateQueries({ queryKey: key });
        }
      }, DEBOUNCE_MS);
    };
    for (const name of names.split(',')) source.addEventListener(name, refresh);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [qc, keys, names]);
}
