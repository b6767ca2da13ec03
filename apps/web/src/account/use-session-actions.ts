import { hashKey, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useTRPC, wsClient } from '../trpc';
import { setupQueryKey } from './fetch-setup';
import { liveConnectionWasAllowed } from './live-connection-gate';

/** Moving between signed in and signed out on this page. */
export function useSessionActions() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useMemo(() => trpc.auth.viewer.queryOptions(), [trpc]);

  /**
   * After sign-in or onboarding: who it is, fetched anew, lets the app in. A page that already
   * had a live connection (its session expired) starts afresh, so the new one carries the new
   * cookie and nothing of the old session stays.
   */
  const begin = useCallback(async () => {
    if (liveConnectionWasAllowed()) {
      window.location.reload();
      return;
    }
    queryClient.setQueryData(setupQueryKey, { needsAdmin: false });
    await queryClient.fetchQuery({ ...viewer, staleTime: 0 });
  }, [queryClient, viewer]);

  /** The session is gone: the gate shows the sign-in screen. */
  const end = useCallback(
    () => queryClient.setQueryData(viewer.queryKey, null),
    [queryClient, viewer],
  );

  /** Once a signed-out screen shows: drop what the signed-in screens fetched, and their socket. */
  const forget = useCallback(() => {
    const keep = new Set([hashKey(viewer.queryKey), hashKey(setupQueryKey)]);
    queryClient.removeQueries({ predicate: (query) => !keep.has(query.queryHash) });
    queryClient.getMutationCache().clear();
    // Never opened otherwise: closing would wait for an opening that has not happened.
    if (liveConnectionWasAllowed()) void wsClient.close();
  }, [queryClient, viewer]);

  return { viewer, begin, end, forget };
}
