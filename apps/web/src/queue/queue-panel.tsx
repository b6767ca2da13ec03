import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { taskStatuses } from '@genhub/core/schemas';
import { useViewer } from '../account/viewer-context';
import { errorMessage } from '../lib/error-message';
import { useTRPC } from '../trpc';
import { ProviderQueue } from './provider-queue';
import { queueButton } from './queue-button';
import { queueTaskLabel, queueTaskPrice } from './queue-task-view';
import { useProviderLabel } from './use-provider-label';
import { useQueueStatus } from './use-queue-status';
import { waitingGroups } from './waiting-groups';
import { QueueTaskName } from './queue-task-name';

export function QueuePanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const admin = useViewer()?.user.role === 'admin';
  const providerLabel = useProviderLabel();
  const status = useQueueStatus();
  const [rowError, setRowError] = useState<unknown>(null);
  const pause = useMutation(trpc.queue.pause.mutationOptions());
  const resume = useMutation(trpc.queue.resume.mutationOptions());
  const retryFailed = useMutation(trpc.queue.retryFailed.mutationOptions());
  const cancel = useMutation(trpc.task.cancel.mutationOptions());
  const data = status.data;
  const totals = Object.fromEntries(
    taskStatuses.map((s) => [
      s,
      data?.counts.filter((c) => c.status === s).reduce((n, c) => n + c.count, 0) ?? 0,
    ]),
  );
  const groups = data ? waitingGroups(data) : [];
  const failure =
    [pause, resume, retryFailed, cancel].find((m) => m.isError)?.error ?? rowError ?? null;

  return (
    <section
      aria-labelledby="queue-heading"
      data-testid="queue-panel"
      className="flex flex-col gap-3 rounded-xl border border-stone-200 bg-white p-4 shadow-sm dark:border-stone-800 dark:bg-stone-900"
    >
      <div className="flex items-center gap-2">
        <h2 id="queue-heading" className="text-lg font-semibold">
          {t('queue.heading')}
        </h2>
        {data?.paused.all && (
          <span
            data-testid="queue-paused"
            className="rounded-full bg-amber-200 px-2 py-0.5 text-xs text-stone-900"
          >
            {t('queue.paused')}
          </span>
        )}
      </div>
      <dl className="grid grid-cols-5 gap-1 text-center text-xs">
        {taskStatuses.map((s) => (
          <div key={s} className="rounded-md bg-stone-100 p-1 dark:bg-stone-800">
            <dt className="text-stone-600 dark:text-stone-400">{t(`queue.${s}`)}</dt>
            <dd data-testid={`queue-count-${s}`} className="text-base font-semibold">
              {totals[s]}
            </dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap gap-2">
        {/* Pausing holds every user's work: admins only; members see the paused state. */}
        {admin &&
          (data?.paused.all ? (
            <button
              type="button"
              className={queueButton}
              disabled={resume.isPending}
              onClick={() => resume.mutate({})}
            >
              {t('queue.resume')}
            </button>
          ) : (
            <button
              type="button"
              className={queueButton}
              disabled={pause.isPending}
              onClick={() => pause.mutate({})}
            >
              {t('queue.pause')}
            </button>
          ))}
        <button
          type="button"
          className={queueButton}
          disabled={retryFailed.isPending || totals.failed === 0}
          onClick={() => retryFailed.mutate({})}
        >
          {t('queue.retryFailed')}
        </button>
        {retryFailed.data && (
          <span role="status" className="self-center text-xs text-stone-600 dark:text-stone-400">
            {t('queue.retriedCount', { count: retryFailed.data.retried })}
          </span>
        )}
      </div>
      {failure !== null && (
        <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">
          {errorMessage(failure)}
        </p>
      )}
      <div>
        <h3 className="mb-1 text-sm font-medium">{t('queue.running')}</h3>
        {data && data.running.length === 0 && (
          <p className="text-xs text-stone-600 dark:text-stone-400">{t('queue.nothingRunning')}</p>
        )}
        <ul className="flex flex-col gap-1">
          {data?.running.map((run) => {
            const label = queueTaskLabel(run, t);
            const price = queueTaskPrice(run, t);
            return (
              <li
                key={run.id}
                data-testid="queue-running-task"
                className="flex items-center gap-2 text-xs"
              >
                <QueueTaskName label={label} price={price} />
                <span className="text-stone-600 dark:text-stone-400">
                  {providerLabel(run.provider)}
                </span>
                <button
                  type="button"
                  className={queueButton}
                  aria-label={t('queue.cancelOf', { label })}
                  onClick={() => cancel.mutate({ id: run.id })}
                >
                  {t('queue.cancel')}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="flex flex-col gap-2">
        <h3 className="text-sm font-medium">{t('queue.waitingHeading')}</h3>
        {data && totals.pending === 0 && (
          <p className="text-xs text-stone-600 dark:text-stone-400">{t('queue.nothingWaiting')}</p>
        )}
        {groups.map((group) => (
          <ProviderQueue
            key={group.provider}
            group={group}
            admin={admin}
            wholeQueuePaused={data?.paused.all ?? false}
            report={setRowError}
          />
        ))}
      </div>
    </section>
  );
}
