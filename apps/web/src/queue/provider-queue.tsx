import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { queueButton } from './queue-button';
import { useProviderLabel } from './use-provider-label';
import type { WaitingGroup } from './waiting-groups';
import { WaitingRow } from './waiting-row';

/**
 * One provider's waiting tasks in run order, its paused state, and for admins its pause and
 * resume (pausing holds every user's work).
 */
export function ProviderQueue({
  group,
  admin,
  wholeQueuePaused,
  report,
}: {
  group: WaitingGroup;
  admin: boolean;
  wholeQueuePaused: boolean;
  report: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const providerLabel = useProviderLabel();
  const pause = useMutation(
    trpc.queue.pause.mutationOptions({ onError: report, onSuccess: () => report(null) }),
  );
  const resume = useMutation(
    trpc.queue.resume.mutationOptions({ onError: report, onSuccess: () => report(null) }),
  );
  const name = providerLabel(group.provider);
  const headingId = `queue-provider-${group.provider}`;
  const more = group.total - group.rows.length;

  return (
    <section
      aria-labelledby={headingId}
      data-testid="queue-provider"
      data-provider={group.provider}
      data-paused={group.paused}
      className="flex flex-col gap-1"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h4 id={headingId} className="text-xs font-medium">
          {name}
        </h4>
        <span className="text-xs text-stone-600 dark:text-stone-400">
          {t('queue.providerWaiting', { count: group.total })}
        </span>
        {group.paused && (
          <span
            data-testid="queue-provider-paused"
            className="rounded-full bg-amber-200 px-2 py-0.5 text-xs text-stone-900"
          >
            {t('queue.paused')}
          </span>
        )}
        {/* A provider paused with the whole queue resumes with it. */}
        {admin && !wholeQueuePaused && (
          <span className="ml-auto">
            {group.paused ? (
              <button
                type="button"
                className={queueButton}
                disabled={resume.isPending}
                aria-label={t('queue.resumeProviderOf', { provider: name })}
                onClick={() => resume.mutate({ provider: group.provider })}
              >
                {t('queue.resumeProvider')}
              </button>
            ) : (
              <button
                type="button"
                className={queueButton}
                disabled={pause.isPending}
                aria-label={t('queue.pauseProviderOf', { provider: name })}
                onClick={() => pause.mutate({ provider: group.provider })}
              >
                {t('queue.pauseProvider')}
              </button>
            )}
          </span>
        )}
      </div>
      {group.rows.length > 0 && (
        <ol className="flex flex-col gap-1" aria-label={t('queue.waitingOf', { provider: name })}>
          {group.rows.map((row) => (
            <WaitingRow key={row.id} row={row} rows={group.rows} report={report} />
          ))}
        </ol>
      )}
      {more > 0 && (
        <p className="text-xs text-stone-600 dark:text-stone-400">
          {t('queue.more', { count: more })}
        </p>
      )}
    </section>
  );
}
