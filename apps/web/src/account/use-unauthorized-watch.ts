import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isUnauthorized } from './is-unauthorized';

/** Calls `onUnauthorized` when any query or mutation is refused for want of a session. */
export function useUnauthorizedWatch(onUnauthorized: () => void): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const check = (event: { type: string; action?: { type: string; error?: unknown } }) => {
      if (event.type === 'updated' && event.action?.type === 'error') {
        if (isUnauthorized(event.action.error)) onUnauthorized();
      }
    };
    const offQueries = queryClient.getQueryCache().subscribe(check);
    const offMutations = queryClient.getMutationCache().subscribe(check);
    return () => {
      offQueries();
      offMutations();
    };
  }, [queryClient, onUnauthorized]);
}
