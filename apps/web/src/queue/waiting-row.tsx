import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { queueButton } from './queue-button';
import { QueueTaskName } from './queue-task-name';
import { runNextPriority, steppedPriority } from './queue-priority';
import { queueTaskLabel, queueTaskPrice } from './queue-task-view';
import type { WaitingRow as Row } from './waiting-groups';

/** One waiting task: its place, name and price, with run next, priority steps and cancel. */
export function WaitingRow({
  row,
  rows,
  report,
}: {
  row: Row;
  /** Its provider's listed rows, in run order. */
  rows: readonly Row[];
  report: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const setPriority = useMutation(
    trpc.task.setPriority.mutationOptions({ onError: report, onSuccess: () => report(null) }),
  );
  const cancel = useMutation(
    trpc.task.cancel.mutationOptions({ onError: report, onSuccess: () => report(null) }),
  );
  const label = queueTaskLabel(row, t);
  const price = queueTaskPrice(row, t);
  const busy = setPriority.isPending || cancel.isPending;
  const next = runNextPriority(rows, row);
  const up = steppedPriority(row, 1);
  const down = steppedPriority(row, -1);
  const prioritize = (priority: number | null) =>
    priority !== null && setPriority.mutate({ id: row.id, priority });

  return (
    <li
      data-testid="queue-waiting-task"
      data-task-id={row.id}
      className="flex flex-col gap-1 rounded-md border border-stone-200 p-1.5 text-xs dark:border-stone-800"
    >
      <div className="flex items-center gap-2">
        <span className="text-stone-600 tabular-nums dark:text-stone-400">
          {t('queue.position', { position: row.position })}
        </span>
        <QueueTaskName label={label} price={price} />
      </div>
      <div className="flex flex-wrap items-center justify-end gap-1">
        {row.priority !== 0 && (
          <span className="mr-auto rounded-full bg-stone-100 px-2 py-0.5 whitespace-nowrap dark:bg-stone-800">
            {t('queue.priority', { value: row.priority > 0 ? `+${row.priority}` : row.priority })}
          </span>
        )}
        <button
          type="button"
          className={queueButton}
          disabled={busy || next === null}
          aria-label={t('queue.runNextOf', { label })}
          onClick={() => prioritize(next)}
        >
          {t('queue.runNext')}
        </button>
        <button
          type="button"
          className={queueButton}
          disabled={busy || up === null}
          aria-label={t('queue.raiseOf', { label })}
          title={t('queue.raise')}
          onClick={() => prioritize(up)}
        >
          ↑
        </button>
        <button
          type="button"
          className={queueButton}
          disabled={busy || down === null}
          aria-label={t('queue.lowerOf', { label })}
          title={t('queue.lower')}
          onClick={() => prioritize(down)}
        >
          ↓
        </button>
        <button
          type="button"
          className={queueButton}
          disabled={busy}
          aria-label={t('queue.cancelOf', { label })}
          onClick={() => cancel.mutate({ id: row.id })}
        >
          {t('queue.cancel')}
        </button>
      </div>
    </li>
  );
}
