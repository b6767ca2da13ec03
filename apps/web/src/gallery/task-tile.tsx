import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Task } from '@genhub/core/schemas';
import { useNow } from '../lib/use-now';
import { taskCostLabel } from '../lib/format-cost';
import { taskCaption } from './task-caption';
import { RetryMark } from './retry-mark';
import { tileAspect } from './layout/tile-shapes';
import { TileMedia } from './tile-media';
import { useLongPress } from './use-long-press';
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

/** The fixed height of a tile's text under its pictures, for the virtual grid. */
export const tileFooterHeight = 84;

/** Star and select: shown on hover or focus with a mouse, always (and larger) on a touch screen. */
const control =
  'absolute top-1.5 grid size-7 place-items-center rounded-md bg-white/85 shadow pointer-coarse:size-8 dark:bg-stone-900/85';
const reveal =
  'opacity-0 group-hover:opacity-100 focus-visible:opacity-100 focus-within:opacity-100 pointer-coarse:opacity-100';

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

  const longPress = useLongPress(() => onSelect(task, false));

  return (
    <article
      data-testid="task-tile"
      data-status={task.status}
      data-task-id={task.id}
      aria-label={caption}
      {...longPress}
      className={`group @container relative flex h-full flex-col overflow-hidden rounded-xl bg-white shadow-sm pointer-coarse:select-none pointer-coarse:[-webkit-touch-callout:none] dark:bg-stone-900 ${
        selected ? 'ring-2 ring-amber-400' : 'ring-1 ring-stone-200 dark:ring-stone-800'
      }`}
    >
      <div
        className="relative w-full shrink-0 overflow-hidden rounded-t-xl"
        // The grid gives the picture's height; alone, the tile takes its pictures' shape.
        style={{ height: 'var(--tile-image-height)', aspectRatio: tileAspect(task) }}
      >
        {task.status === 'completed' ? (
          <TileMedia task={task} caption={caption} onOpen={(index) => onOpen(task, index)} />
        ) : (
          <div
            className={`flex h-full w-full flex-col items-center justify-center gap-2 p-2 text-center text-sm @[9rem]:gap-3 @[9rem]:p-4 ${
              active
                ? 'animate-pulse bg-gradient-to-br from-amber-100 to-stone-200 dark:from-amber-950 dark:to-stone-800'
                : 'bg-stone-100 dark:bg-stone-800'
            }`}
          >
            <span data-testid="task-state" className="max-w-full truncate font-medium">
              <StateLabel task={task} />
            </span>
            {task.error && (
              <span
                role="alert"
                className="line-clamp-2 max-w-full text-xs break-words text-rose-700 @[12rem]:line-clamp-4 dark:text-rose-300"
              >
                {task.error.message}
              </span>
            )}
            <span className="flex max-w-full flex-wrap justify-center gap-2">
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
        <label className={`${control} right-1.5 cursor-pointer ${selected ? '' : reveal}`}>
          <input
            type="checkbox"
            checked={selected}
            aria-label={t('gallery.select', { caption })}
            // onClick, not onChange, to see the Shift key; the box shows `selected` after.
            onClick={(e) => onSelect(task, e.shiftKey)}
            onChange={() => undefined}
            className="size-4 accent-amber-500 pointer-coarse:size-5"
          />
        </label>
        {task.status === 'completed' && (
          <button
            type="button"
            aria-pressed={starred}
            aria-label={starred ? t('gallery.unstar') : t('gallery.star')}
            onClick={() => star.mutate({ ids: [task.id], starred: !starred })}
            className={`${control} left-1.5 text-base ${
              starred ? 'text-amber-500' : `text-stone-600 dark:text-stone-400 ${reveal}`
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
      <div
        className="flex min-h-0 flex-1 flex-col gap-1 px-2.5 py-2"
        style={{ height: tileFooterHeight }}
      >
        <p className="line-clamp-2 text-xs text-stone-600 dark:text-stone-400" title={caption}>
          {task.provider === 'local' && (
            <span
              data-testid="tile-badge"
              title={t('operation.localAlgorithmHint')}
              className="mr-1.5 hidden rounded bg-stone-200 px-1.5 py-0.5 text-[10px] font-medium tracking-wide whitespace-nowrap text-stone-700 uppercase @[11rem]:inline dark:bg-stone-700 dark:text-stone-200"
            >
              {t('operation.localAlgorithm')}
            </span>
          )}
          {caption}
        </p>
        <p className="mt-auto flex min-w-0 items-center justify-between gap-2 text-[11px] whitespace-nowrap text-stone-600 dark:text-stone-400">
          <span data-testid="task-cost" className="truncate">
            {costLabel}
          </span>
          <RetryMark task={task} />
          {task.planItemId && (
            <span
              data-testid="tile-badge"
              title={task.planItemId}
              className="hidden min-w-0 truncate @[10rem]:inline"
            >
              {t('plan.badge', { item: task.planItemId })}
            </span>
          )}
        </p>
      </div>
    </article>
  );
}
