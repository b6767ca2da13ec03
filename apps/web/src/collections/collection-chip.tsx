import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collection } from '@genhub/core/schemas';
import { decodeDragPayload, taskDragType, type DraggedTask } from './drag-payload';
import { showCollection } from './collection-filter';

/**
 * One collection: click to filter the gallery by it (again to show everything), and a drop
 * target for gallery tiles.
 */
export function CollectionChip({
  collection,
  active,
  onDrop,
}: {
  collection: Collection;
  active: boolean;
  onDrop: (tasks: DraggedTask[]) => void;
}) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  return (
    <li
      data-testid="collection"
      data-collection-id={collection.id}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(taskDragType)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const tasks = decodeDragPayload(e.dataTransfer.getData(taskDragType));
        if (!tasks) return;
        e.preventDefault();
        onDrop(tasks);
      }}
    >
      <button
        type="button"
        aria-pressed={active}
        aria-label={t('collections.count', { name: collection.name, count: collection.count })}
        onClick={() => showCollection(active ? '' : collection.id)}
        className={`flex items-center gap-2 rounded-full border px-3 py-1 text-sm whitespace-nowrap transition-transform ${
          over
            ? 'scale-105 border-amber-500 bg-amber-100 dark:bg-amber-900'
            : active
              ? 'border-stone-900 bg-stone-900 text-white dark:border-amber-400 dark:bg-amber-400 dark:text-stone-950'
              : 'border-stone-300 bg-white hover:border-amber-400 dark:border-stone-700 dark:bg-stone-900'
        }`}
      >
        <span className="max-w-48 truncate">{collection.name}</span>
        <span
          aria-hidden
          className={`rounded-full px-1.5 text-xs tabular-nums ${active ? 'bg-white/20' : 'bg-stone-100 dark:bg-stone-800'}`}
        >
          {collection.count}
        </span>
      </button>
    </li>
  );
}
