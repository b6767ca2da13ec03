import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Task } from '@genhub/core/schemas';
import { useNow } from '../lib/use-now';
import { taskCostLabel } from '../lib/format-cost';
import { taskCaption } from './task-caption';
import { TileImage } from './tile-image';
import { VideoThumb } from './video-thumb';
import { useTRPC } from '../trpc';

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
  return <>{t(`taskStatus.${task.status}`)}</>;
}

const button =
  'rounded-md border border-stone-300 bg-white/80 px-2 py-1 text-xs font-medium hover:bg-white dark:border-stone-600 dark:bg-stone-800/80 dark:hover:bg-stone-700';

/** The fixed height of a tile's text under its square image, for the virtual grid. */
export const tileFooterHeight = 84;

export function TaskTile({
  task,
  selected,
  onOpen,
  onSelect,
}: {
  task: Task;
  selected: boolean;
  onOpen: (task: Task, index: number) => void;
  onSelect: (task: Task, range: boolean) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const cancel = useMutation(trpc.task.cancel.mutationOptions());
  const retry = useMutation(trpc.task.retry.mutationOptions());
  const star = useMutation(trpc.generation.star.mutationOptions());
  const active = task.status === 'pending' || task.status === 'processing';
  const caption = taskCaption(task, t);
  const costLabel = taskCostLabel(task, t);
  const starred = task.starredAt !== null;

  return (
    <article
      data-testid="task-tile"
      data-status={task.status}
      data-task-id={task.id}
      aria-label={caption}
      className={`group relative flex h-full flex-col overflow-hidden rounded-xl border bg-white shadow-sm dark:bg-stone-900 ${
        selected
          ? 'border-amber-500 ring-2 ring-amber-400'
          : 'border-stone-200 dark:border-stone-800'
      }`}
    >
      <div className="relative aspect-square w-full">
        {task.status === 'completed' ? (
          <div
            className={`grid h-full w-full gap-0.5 ${task.generations.length > 1 ? 'grid-cols-2' : ''} ${task.generations.length > 2 ? 'grid-rows-2' : ''}`}
          >
            {task.generations.map((g, i) =>
              g.durationMs !== null ? (
                <VideoThumb
                  key={g.id}
                  generation={g}
                  label={t('task.openVideo', { index: i + 1, prompt: caption })}
                  onOpen={() => onOpen(task, i)}
                />
              ) : (
                <button
                  key={g.id}
                  type="button"
                  onClick={() => onOpen(task, i)}
                  aria-label={t('task.open', { index: i + 1, prompt: caption })}
                  className="block min-h-0 overflow-hidden focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-amber-500"
                >
                  <TileImage generation={g} operation={task.operation} alt={caption} />
                </button>
              ),
            )}
          </div>
        ) : (
          <div
            className={`flex h-full w-full flex-col items-center justify-center gap-3 p-4 text-center text-sm ${
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
                className="line-clamp-4 max-w-full text-xs break-words text-rose-700 dark:text-rose-300"
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
        <label
          className={`absolute top-1.5 right-1.5 grid size-7 cursor-pointer place-items-center rounded-md bg-white/85 shadow dark:bg-stone-900/85 ${
            selected ? '' : 'opacity-0 group-hover:opacity-100 focus-within:opacity-100'
          }`}
        >
          <input
            type="checkbox"
            checked={selected}
            aria-label={t('gallery.select', { caption })}
            // onClick, not onChange, to see the Shift key; the box shows `selected` after.
            onClick={(e) => onSelect(task, e.shiftKey)}
            onChange={() => undefined}
            className="size-4 accent-amber-500"
          />
        </label>
        {task.status === 'completed' && (
          <button
            type="button"
            aria-pressed={starred}
            aria-label={starred ? t('gallery.unstar') : t('gallery.star')}
            onClick={() => star.mutate({ ids: [task.id], starred: !starred })}
            className={`absolute top-1.5 left-1.5 grid size-7 place-items-center rounded-md bg-white/85 text-base shadow dark:bg-stone-900/85 ${
              starred
                ? 'text-amber-500'
                : 'text-stone-600 dark:text-stone-400 opacity-0 group-hover:opacity-100 focus-visible:opacity-100'
            }`}
          >
            {starred ? '★' : '☆'}
          </button>
        )}
        {task.warnings.length > 0 && (
          <span
            data-testid="task-warning"
            title={task.warnings.join(' · ')}
            className="absolute bottom-1.5 left-1.5 max-w-[calc(100%-0.75rem)] truncate rounded bg-amber-100/95 px-1.5 py-0.5 text-[11px] text-amber-900 dark:bg-amber-950/95 dark:text-amber-200"
          >
            ⚠ {task.warnings.join(' · ')}
          </span>
        )}
      </div>
      <div className="flex flex-col gap-1 px-3 py-2" style={{ height: tileFooterHeight }}>
        <p className="line-clamp-2 text-xs text-stone-600 dark:text-stone-400" title={caption}>
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
        <p className="mt-auto flex justify-between gap-2 text-[11px] text-stone-600 dark:text-stone-400">
          <span data-testid="task-cost" className="whitespace-nowrap">
            {costLabel}
          </span>
          {task.planItemId && (
            <span title={task.planItemId} className="truncate">
              {t('plan.badge', { item: task.planItemId })}
            </span>
          )}
        </p>
      </div>
    </article>
  );
}
