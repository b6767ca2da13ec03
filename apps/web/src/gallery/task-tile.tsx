import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { dimensionsOf, type Task } from '@genhub/core/schemas';
import { useNow } from '../lib/use-now';
import { taskCostLabel } from '../lib/format-cost';
import { taskCaption } from './task-caption';
import { useTRPC } from '../trpc';

function aspectStyle(task: Task) {
  const size = dimensionsOf(task.aspectRatio);
  return { aspectRatio: `${size.width} / ${size.height}` };
}

function Elapsed({ since }: { since: number }) {
  const { t } = useTranslation();
  const now = useNow();
  return <>{t('task.processing', { seconds: Math.max(0, Math.floor((now - since) / 1000)) })}</>;
}

/** "Retrying in 8 s (attempt 2/3)" while a retry waits out its backoff. */
function RetryCountdown({ task }: { task: Task }) {
  const { t } = useTranslation();
  const now = useNow();
  const numbers = { next: task.attempts + 1, max: Math.max(1, task.maxAttempts) };
  const seconds = task.nextRunAt === null ? 0 : Math.ceil((task.nextRunAt - now) / 1000);
  return (
    <>
      {seconds > 0 ? t('task.retrying', { ...numbers, seconds }) : t('task.retryingNow', numbers)}
    </>
  );
}

function StateLabel({ task }: { task: Task }) {
  const { t } = useTranslation();
  if (task.status === 'processing' && task.startedAt !== null)
    return <Elapsed since={task.startedAt} />;
  if (task.status === 'pending' && task.error?.retryable) return <RetryCountdown task={task} />;
  return <>{t(`task.${task.status}`)}</>;
}

const button =
  'rounded-md border border-stone-300 bg-white/80 px-2 py-1 text-xs font-medium hover:bg-white dark:border-stone-600 dark:bg-stone-800/80 dark:hover:bg-stone-700';

export function TaskTile({
  task,
  onOpen,
}: {
  task: Task;
  onOpen: (task: Task, index: number) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const cancel = useMutation(trpc.task.cancel.mutationOptions());
  const retry = useMutation(trpc.task.retry.mutationOptions());
  const active = task.status === 'pending' || task.status === 'processing';
  const caption = taskCaption(task, t);
  const costLabel = taskCostLabel(task, t);

  return (
    <article
      data-testid="task-tile"
      data-status={task.status}
      data-task-id={task.id}
      className="overflow-hidden rounded-xl border border-stone-200 bg-white shadow-sm dark:border-stone-800 dark:bg-stone-900"
    >
      {task.status === 'completed' ? (
        <div className={`grid gap-0.5 ${task.generations.length > 1 ? 'grid-cols-2' : ''}`}>
          {task.generations.map((g, i) => (
            <button
              key={g.id}
              type="button"
              onClick={() => onOpen(task, i)}
              aria-label={t('task.open', { index: i + 1, prompt: caption })}
              className="block"
            >
              <img
                src={g.thumbUrl}
                width={g.width}
                height={g.height}
                alt={caption}
                loading="lazy"
                decoding="async"
                className={`h-auto w-full object-cover ${g.mime === 'image/jpeg' ? '' : 'checkerboard'}`}
              />
            </button>
          ))}
        </div>
      ) : (
        <div
          style={aspectStyle(task)}
          className={`flex w-full flex-col items-center justify-center gap-3 p-4 text-center text-sm ${
            active
              ? 'animate-pulse bg-gradient-to-br from-amber-100 to-stone-200 dark:from-amber-950 dark:to-stone-800'
              : 'bg-stone-100 dark:bg-stone-800'
          }`}
        >
          <span data-testid="task-state" className="font-medium">
            <StateLabel task={task} />
          </span>
          {task.error && (
            <span
              role="alert"
              className="max-w-full text-xs break-words text-rose-700 dark:text-rose-300"
            >
              {task.error.message}
            </span>
          )}
          <span className="flex gap-2">
            {active && (
              <button
                type="button"
                className={button}
                disabled={cancel.isPending}
                onClick={() => cancel.mutate({ id: task.id })}
              >
                {t('task.cancel')}
              </button>
            )}
            {task.retriedById !== null && <span className="text-xs">{t('task.retried')}</span>}
            {(task.status === 'failed' || task.status === 'canceled') &&
              task.retriedById === null && (
                <button
                  type="button"
                  className={button}
                  disabled={retry.isPending}
                  onClick={() => retry.mutate({ id: task.id })}
                >
                  {t('task.retry')}
                </button>
              )}
          </span>
        </div>
      )}
      {task.warnings.length > 0 && (
        <p
          data-testid="task-warning"
          className="px-3 pt-2 text-xs text-amber-700 dark:text-amber-400"
        >
          ⚠ {task.warnings.join(' · ')}
        </p>
      )}
      <p
        className="line-clamp-2 px-3 py-2 text-xs text-stone-600 dark:text-stone-400"
        title={caption}
      >
        {task.provider === 'local' && (
          <span
            title={t('operation.localAlgorithmHint')}
            className="mr-1.5 rounded bg-stone-200 px-1.5 py-0.5 text-[10px] font-medium tracking-wide text-stone-700 uppercase dark:bg-stone-700 dark:text-stone-200"
          >
            {t('operation.localAlgorithm')}
          </span>
        )}
        {caption}
      </p>
      {(costLabel || task.planItemId) && (
        <p className="flex justify-between gap-2 px-3 pb-2 text-[11px] text-stone-500">
          <span data-testid="task-cost" className="whitespace-nowrap">
            {costLabel}
          </span>
          {task.planItemId && (
            <span title={task.planItemId} className="truncate">
              {t('plan.badge', { item: task.planItemId })}
            </span>
          )}
        </p>
      )}
    </article>
  );
}
