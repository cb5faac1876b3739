import { QueryCache, QueryClient, MutationCache } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { ME_KEY } from '../features/auth/session';

function onError(error: Error): void {
  // A session that expired (or was logged out elsewhere) sends the user back to the login page.
  if (error instanceof ApiError && error.status === 401 && error.code === 'not_logged_in') {
    queryClient.setQueryData(ME_KEY, null);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});
