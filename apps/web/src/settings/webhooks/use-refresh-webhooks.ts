import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../../trpc';

/** Fetches endpoints and the delivery log again after a change. */
export function useRefreshWebhooks(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries(trpc.webhooks.pathFilter()),
    [queryClient, trpc],
  );
}
