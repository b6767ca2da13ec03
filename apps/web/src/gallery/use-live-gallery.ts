import { hashKey, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyFinished } from '../lib/notify';
import { useTRPC } from '../trpc';
import { taskCaption } from './task-caption';
import { matchesFilters, toQuery, type GalleryFilters } from './gallery-filters';
import { mergeTask } from './merge-task';

const pageSize = 60;

/**
 * The gallery for the current filters, kept live by one event subscription: a page read at a
 * cursor plus every change after it, each applied to the view it belongs in.
 */
export function useLiveGallery(filters: GalleryFilters) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listOptions = trpc.generation.list.infiniteQueryOptions(
    { ...toQuery(filters), limit: pageSize },
    {
      getNextPageParam: (page) => page.nextCursor,
      initialCursor: null,
      // Kept current by the subscription: no refetching of every loaded page on focus.
      staleTime: Infinity,
    },
  );
  const list = useInfiniteQuery(listOptions);

  // One subscription for the page's life, from the cursor of the first snapshot; the
  // WebSocket link resumes from the last event it saw after a drop.
  const [startCursor, setStartCursor] = useState<string | null>(null);
  const firstCursor = list.data?.pages[0]?.lastEventId ?? null;
  if (startCursor === null && firstCursor !== null) setStartCursor(firstCursor);
  const current = useRef({ key: listOptions.queryKey, filters });
  current.current = { key: listOptions.queryKey, filters };

  useSubscription(
    trpc.task.events.subscriptionOptions(
      { lastEventId: startCursor },
      {
        enabled: startCursor !== null,
        onData: ({ data: event }) => {
          const { key, filters: f } = current.current;
          // A plan's variations are announced once, by the plan.
          if ((event.type === 'completed' || event.type === 'failed') && !event.task.planId) {
            notifyFinished(
              t(event.type === 'completed' ? 'notify.taskDone' : 'notify.taskFailed'),
              taskCaption(event.task, t),
            );
          }
          queryClient.setQueryData(key, (old) =>
            mergeTask(old, event, (task) => matchesFilters(task, f), f.sort === 'newest'),
          );
          // Other filtered views cached earlier are stale now.
          void queryClient.invalidateQueries({
            queryKey: trpc.generation.list.infiniteQueryKey(),
            predicate: (query) =>
              query.queryHash !== hashKey(key) && query.state.data !== undefined,
            refetchType: 'none',
          });
        },
      },
    ),
  );
  return list;
}
