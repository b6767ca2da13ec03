import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '../trpc';

/** The queue status, kept current by the `queue.updates` subscription. */
export function useQueueStatus() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const statusOptions = trpc.queue.status.queryOptions();
  useSubscription(
    trpc.queue.updates.subscriptionOptions(undefined, {
      onData: (status) => queryClient.setQueryData(statusOptions.queryKey, status),
    }),
  );
  return useQuery(statusOptions);
}
