import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/**
 * Listens to the server's live updates (GET /api/events, server-sent events) and refetches
 * the given queries when orders change. EventSource reconnects by itself after a drop.
 */
export function useLiveEvents(queryKeys: readonly (readonly unknown[])[]): void {
  const qc = useQueryClient();
  const keys = JSON.stringify(queryKeys);
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/events');
    const refresh = () => {
      for (const key of JSON.parse(keys) as unknown[][])
        void qc.invalidateQueries({ queryKey: key });
    };
    source.addEventListener('orders.changed', refresh);
    return () => source.close();
  }, [qc, keys]);
}
