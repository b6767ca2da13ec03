import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import type { PlanSummary } from '@genhub/core/schemas';
import { useTranslation } from 'react-i18next';
import { notifyFinished } from '../lib/notify';
import { useTRPC } from '../trpc';

/** The newest plans, with each one's progress pushed as its tasks change. */
export function useLivePlans() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listOptions = trpc.plan.list.queryOptions({ limit: 10 });
  const list = useQuery(listOptions);
  useSubscription(
    trpc.plan.updates.subscriptionOptions(
      {},
      {
        onData: (summary: PlanSummary) => {
          const before = queryClient
            .getQueryData(listOptions.queryKey)
            ?.items.find((p) => p.id === summary.id);
          if (before?.status === 'running' && summary.status !== 'running') {
            notifyFinished(
              t('notify.planDone'),
              `${summary.externalId}: ${t(`plan.status.${summary.status}`)}`,
            );
          }
          queryClient.setQueryData(listOptions.queryKey, (old) => {
            if (!old) return old;
            const known = old.items.some((p) => p.id === summary.id);
            const items = known
              ? old.items.map((p) => (p.id === summary.id ? summary : p))
              : [summary, ...old.items];
            return { ...old, items };
          });
          void queryClient.invalidateQueries({
            queryKey: trpc.plan.get.queryKey({ id: summary.id }),
          });
        },
      },
    ),
  );
  return list;
}
