import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { taskStatuses } from '@genhub/core/schemas';
import { errorMessage } from '../lib/error-message';
import { useTRPC } from '../trpc';
import { queueTaskLabel, queueTaskPrice } from './queue-task-view';
import { useQueueStatus } from './use-queue-status';

const button =
  'rounded-md border border-stone-300 px-2 py-1 text-xs font-medium hover:bg-stone-100 disabled:opacity-50 dark:border-stone-700 dark:hover:bg-stone-800';

export function QueuePanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const status = useQueueStatus();
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
  const failure = [pause, resume, retryFailed, cancel].find((m) => m.isError)?.error;

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
          <span className="rounded-full bg-amber-200 px-2 py-0.5 text-xs text-stone-900">
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
        {data?.paused.all ? (
          <button
            type="button"
            className={button}
            disabled={resume.isPending}
            onClick={() => resume.mutate({})}
          >
            {t('queue.resume')}
          </button>
        ) : (
          <button
            type="button"
            className={button}
            disabled={pause.isPending}
            onClick={() => pause.mutate({})}
          >
            {t('queue.pause')}
          </button>
        )}
        <button
          type="button"
          className={button}
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
      {failure && (
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
                <span className="min-w-0 flex-1 truncate" title={label}>
                  {label}
                </span>
                {price && (
                  <span
                    data-testid="queue-task-price"
                    className="whitespace-nowrap text-stone-600 dark:text-stone-400"
                  >
                    {price}
                  </span>
                )}
                <span className="text-stone-600 dark:text-stone-400">{run.provider}</span>
                <button
                  type="button"
                  className={button}
                  onClick={() => cancel.mutate({ id: run.id })}
                >
                  {t('queue.cancel')}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
