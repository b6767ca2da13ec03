import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTRPC } from '../trpc';

/** Fetches the users list again, after a change to one of them. */
export function useRefreshUsers(): () => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.admin.users.list.queryKey() }),
    [queryClient, trpc],
  );
}
