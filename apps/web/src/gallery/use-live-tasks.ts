import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { useTRPC } from '../trpc';
import { mergeTask } from './merge-task';

const pageSize = 30;

/** The task list, kept live by the event subscription: a snapshot plus every change after it. */
export function useLiveTasks() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listOptions = trpc.task.list.infiniteQueryOptions(
    { limit: pageSize },
    { getNextPageParam: (page) => page.nextCursor, initialCursor: null },
  );
  const list = useInfiniteQuery(listOptions);

  // Subscribe from the cursor of the first snapshot; the WebSocket link resumes from the
  // last event it saw after a drop, so the cursor is fixed once.
  const [startCursor, setStartCursor] = useState<string | null>(null);
  const firstCursor = list.data?.pages[0]?.lastEventId ?? null;
  if (startCursor === null && firstCursor !== null) setStartCursor(firstCursor);

  useSubscription(
    trpc.task.events.subscriptionOptions(
      { lastEventId: startCursor },
      {
        enabled: startCursor !== null,
        onData: ({ data: event }) => {
          queryClient.setQueryData(listOptions.queryKey, (old) => mergeTask(old, event));
        },
      },
    ),
  );

  return list;
}
