import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Task } from '@genhub/core/schemas';
import { errorMessage } from '../lib/error-message';
import { Lightbox } from './lightbox';
import { TaskTile } from './task-tile';
import { useLiveTasks } from './use-live-tasks';

export function Gallery() {
  const { t } = useTranslation();
  const list = useLiveTasks();
  const tasks = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const [open, setOpen] = useState<{ taskId: string; index: number } | null>(null);

  // Every image in the list, in order, for stepping through in the lightbox.
  const images = useMemo(
    () => tasks.flatMap((task) => task.generations.map((_, index) => ({ taskId: task.id, index }))),
    [tasks],
  );
  const openTask = open ? tasks.find((task) => task.id === open.taskId) : undefined;
  const step = (delta: -1 | 1) => {
    if (!open || images.length === 0) return;
    const at = images.findIndex((i) => i.taskId === open.taskId && i.index === open.index);
    setOpen(images[(at + delta + images.length) % images.length] ?? null);
  };

  return (
    <section aria-labelledby="gallery-heading" className="min-w-0 flex-1">
      <h2 id="gallery-heading" className="mb-3 text-lg font-semibold">
        {t('gallery.heading')}
      </h2>
      {list.isPending && <p>{t('gallery.loading')}</p>}
      {list.isError && (
        <p role="alert">{t('gallery.loadFailed', { message: errorMessage(list.error) })}</p>
      )}
      {list.isSuccess && tasks.length === 0 && (
        <p className="rounded-xl border border-dashed border-stone-300 p-8 text-center text-stone-500 dark:border-stone-700">
          {t('gallery.empty')}
        </p>
      )}
      <div
        className="grid grid-cols-2 items-start gap-3 sm:grid-cols-3 xl:grid-cols-4"
        data-testid="gallery"
      >
        {tasks.map((task: Task) => (
          <TaskTile
            key={task.id}
            task={task}
            onOpen={(t, index) => setOpen({ taskId: t.id, index })}
          />
        ))}
      </div>
      {list.hasNextPage && (
        <div className="mt-4 flex justify-center">
          <button
            type="button"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
            className="rounded-md border border-stone-300 px-4 py-2 text-sm dark:border-stone-700"
          >
            {list.isFetchingNextPage ? t('gallery.loading') : t('gallery.loadMore')}
          </button>
        </div>
      )}
      {open && openTask && (
        <Lightbox
          item={{ task: openTask, index: open.index }}
          onClose={() => setOpen(null)}
          onStep={step}
        />
      )}
    </section>
  );
}
