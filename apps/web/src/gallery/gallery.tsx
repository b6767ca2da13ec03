import { useCallback, useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Task } from '@genhub/core/schemas';
import { filtersChangedEvent } from '../collections/collection-filter';
import {
  draggedTasks,
  encodeDragPayload,
  selectedTasks,
  taskDragType,
} from '../collections/drag-payload';
import { ConfirmDialog } from '../lib/confirm-dialog';
import { errorMessage } from '../lib/error-message';
import { useTRPC } from '../trpc';
import { BulkBar } from './bulk-bar';
import { FilterBar } from './filter-bar';
import { GalleryEmpty } from './gallery-empty';
import { TaskTile } from './task-tile';
import { useGalleryFilters } from './use-gallery-filters';
import { useLightbox } from './lightbox/use-lightbox';
import { useLiveGallery } from './use-live-gallery';
import { VirtualGrid } from './virtual-grid';

/** The gallery: search and filters in the URL, a virtual grid, bulk actions, a lightbox. */
export function Gallery() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [filters, setFilters] = useGalleryFilters();
  const list = useLiveGallery(filters);
  const tasks = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [lastClicked, setLastClicked] = useState<string | null>(null);
  const [undo, setUndo] = useState<string[] | null>(null);
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const restore = useMutation(trpc.generation.restore.mutationOptions());
  const emptyTrash = useMutation(trpc.generation.emptyTrash.mutationOptions());

  const changeFilters = (next: typeof filters) => {
    setSelected(new Set());
    setFilters(next);
    window.dispatchEvent(new Event(filtersChangedEvent));
  };

  const lightbox = useLightbox(tasks, setUndo);

  const onSelect = useCallback(
    (task: Task, range: boolean) => {
      setSelected((current) => {
        const next = new Set(current);
        const from = lastClicked ? tasks.findIndex((x) => x.id === lastClicked) : -1;
        const to = tasks.findIndex((x) => x.id === task.id);
        if (range && from >= 0 && to >= 0) {
          const [a, b] = from < to ? [from, to] : [to, from];
          for (const x of tasks.slice(a, b + 1)) next.add(x.id);
        } else if (next.has(task.id)) next.delete(task.id);
        else next.add(task.id);
        return next;
      });
      setLastClicked(task.id);
    },
    [lastClicked, tasks],
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  const onEndReached = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <section aria-labelledby="gallery-heading" className="flex min-w-0 flex-1 flex-col gap-3">
      <div className="flex items-center gap-3">
        <h2 id="gallery-heading" className="text-lg font-semibold">
          {filters.trash ? t('gallery.trashHeading') : t('gallery.heading')}
        </h2>
        {filters.trash && (
          <button
            type="button"
            className="rounded-md border border-rose-300 px-2 py-1 text-sm text-rose-700 dark:border-rose-700 dark:text-rose-300"
            onClick={() => setConfirmEmpty(true)}
          >
            {t('gallery.emptyTrash')}
          </button>
        )}
        {confirmEmpty && (
          <ConfirmDialog
            title={t('gallery.emptyTrash')}
            message={t('gallery.emptyTrashConfirm')}
            confirmLabel={t('gallery.emptyTrash')}
            cancelLabel={t('collections.cancel')}
            onConfirm={() => emptyTrash.mutate()}
            onClose={() => setConfirmEmpty(false)}
          />
        )}
      </div>
      <FilterBar filters={filters} onChange={changeFilters} />
      {selected.size > 0 && (
        <BulkBar
          ids={[...selected]}
          selection={selectedTasks(selected, tasks)}
          inTrash={filters.trash}
          onClear={() => setSelected(new Set())}
          onSelectAll={() => setSelected(new Set(tasks.map((task) => task.id)))}
          onDeleted={(ids) => {
            setSelected(new Set());
            setUndo(ids);
          }}
        />
      )}
      {undo && (
        <div
          role="status"
          className="fixed bottom-4 left-1/2 z-30 flex -translate-x-1/2 items-center gap-3 rounded-lg bg-stone-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-stone-100 dark:text-stone-900"
        >
          {t('gallery.movedToTrash', { count: undo.length })}
          <button
            type="button"
            className="font-semibold text-amber-400 underline dark:text-amber-700"
            onClick={() => restore.mutate({ ids: undo }, { onSuccess: () => setUndo(null) })}
          >
            {t('gallery.undo')}
          </button>
          <button type="button" aria-label={t('lightbox.close')} onClick={() => setUndo(null)}>
            ✕
          </button>
        </div>
      )}
      {list.isPending && <p>{t('gallery.loading')}</p>}
      {list.isError && (
        <p role="alert">{t('gallery.loadFailed', { message: errorMessage(list.error) })}</p>
      )}
      {list.isSuccess && tasks.length === 0 && (
        <GalleryEmpty filters={filters} onChange={changeFilters} />
      )}
      <VirtualGrid
        items={tasks}
        onEndReached={onEndReached}
        renderItem={(task) => (
          // Dragged onto a collection, a tile brings the selection along when it is part of it.
          <div
            draggable
            className="h-full"
            onDragStart={(e) => {
              const payload = encodeDragPayload(draggedTasks(task, selected, tasks));
              e.dataTransfer.setData(taskDragType, payload);
              e.dataTransfer.effectAllowed = 'copy';
            }}
          >
            <TaskTile
              task={task}
              selected={selected.has(task.id)}
              onSelect={onSelect}
              onOpen={(t, index) => lightbox.open(t.id, index)}
            />
          </div>
        )}
      />
      {isFetchingNextPage && (
        <p className="text-center text-sm text-stone-600 dark:text-stone-400">
          {t('gallery.loading')}
        </p>
      )}
      {lightbox.element}
    </section>
  );
}
