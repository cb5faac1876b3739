import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, setCsrfToken } from '../../api/client';
import { authApi, type Me } from '../../api/auth';

export const ME_KEY = ['me'] as const;

/** The logged-in user, or null when nobody is (a 401 is an answer here, not an error). */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        const me = await authApi.me();
        setCsrfToken(me.csrf_token);
        return me;
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: Infinity,
  });
}

/** The current user; only for components rendered behind the auth guard. */
export function useSession(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSession() used outside the auth guard');
  return data;
}

/** Stores a fresh session (from setup or a login) so the app switches to it without a refetch. */
export function useSignedIn(): (me: Me) => void {
  const qc = useQueryClient();
  return useCallback(
    (me: Me) => {
      setCsrfToken(me.csrf_token);
      qc.setQueryData(ME_KEY, me);
    },
    [qc],
  );
}

export function useSignOut(): () => Promise<void> {
  const qc = useQueryClient();
  return useCallback(async () => {
    try {
      await authApi.logout();
    } catch (e) {
      // Already logged out on the server: the outcome the user asked for.
      if (!(e instanceof ApiError && e.status === 401)) throw e;
    }
    setCsrfToken(null);
    // The session ends first, so the auth guard leaves the staff pages before their data goes:
    // clearing everything first let a page render for a moment with no session at all.
    qc.setQueryData(ME_KEY, null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  }, [qc]);
}
