import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validCollectionName } from '../collections/valid-collection-name';
import type { DraggedTask } from '../collections/drag-payload';
import { useAddToCollection } from '../collections/use-add-to-collection';
import { useCollectionActions } from '../collections/use-collection-actions';
import { errorMessage } from '../lib/error-message';
import { NameField } from '../lib/name-field';
import { useTRPC } from '../trpc';
import { downloadZip } from './download-zip';

const button =
  'rounded-md border border-stone-300 px-2.5 py-1 text-sm hover:bg-stone-100 disabled:opacity-50 dark:border-stone-600 dark:hover:bg-stone-800';

/** What can be done to the selected images at once. */
export function BulkBar({
  ids,
  selection,
  inTrash,
  onDeleted,
  onClear,
  onSelectAll,
}: {
  ids: string[];
  /** The selected tasks with their collections, so adding says what it really added. */
  selection: DraggedTask[];
  inTrash: boolean;
  onDeleted: (ids: string[]) => void;
  onClear: () => void;
  onSelectAll: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const collections = useQuery(trpc.collection.list.queryOptions());
  const star = useMutation(trpc.generation.star.mutationOptions());
  const remove = useMutation(trpc.generation.delete.mutationOptions());
  const restore = useMutation(trpc.generation.restore.mutationOptions());
  const { create } = useCollectionActions();
  const added = useAddToCollection();
  const [naming, setNaming] = useState(false);
  const error = star.error ?? remove.error ?? restore.error ?? create.error ?? added.error;

  const choose = (value: string) => {
    const collection = collections.data?.find((c) => c.id === value);
    if (value === '__new') setNaming(true);
    else if (collection) added.addTo(collection, selection);
  };
  const createWith = async (name: string) => {
    const made = await create.mutateAsync({ name });
    setNaming(false);
    added.addTo(made, selection);
  };

  return (
    <div
      role="toolbar"
      aria-label={t('bulk.label')}
      className="sticky top-2 z-10 flex flex-wrap items-center gap-2 rounded-xl border border-amber-300 bg-amber-50/95 p-2 shadow dark:border-amber-700 dark:bg-stone-900/95"
    >
      <span className="px-1 text-sm font-medium" aria-live="polite">
        {t('bulk.selected', { count: ids.length })}
      </span>
      <button type="button" className={button} onClick={onSelectAll}>
        {t('bulk.selectAll')}
      </button>
      {inTrash ? (
        <button
          type="button"
          className={button}
          onClick={() => restore.mutate({ ids }, { onSuccess: onClear })}
        >
          {t('bulk.restore')}
        </button>
      ) : (
        <>
          <button
            type="button"
            className={button}
            onClick={() => star.mutate({ ids, starred: true })}
          >
            ★ {t('gallery.star')}
          </button>
          <button
            type="button"
            className={button}
            onClick={() => star.mutate({ ids, starred: false })}
          >
            ☆ {t('gallery.unstar')}
          </button>
          {naming && (
            <NameField
              label={t('bulk.newCollectionName')}
              submitLabel={t('collections.create')}
              cancelLabel={t('collections.cancel')}
              validate={validCollectionName}
              problemText={t('collections.nameProblem')}
              busy={create.isPending}
              onSubmit={(name) => void createWith(name).catch(() => undefined)}
              onCancel={() => setNaming(false)}
            />
          )}
          <label className="flex items-center gap-1 text-sm">
            <span className="sr-only">{t('bulk.addToCollection')}</span>
            <select className={button} value="" onChange={(e) => choose(e.target.value)}>
              <option value="">{t('bulk.addToCollection')}</option>
              {(collections.data ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
              <option value="__new">{t('bulk.newCollection')}</option>
            </select>
          </label>
          <button type="button" className={button} onClick={() => downloadZip(ids)}>
            {t('bulk.downloadZip')}
          </button>
          <button
            type="button"
            className={`${button} text-rose-700 dark:text-rose-300`}
            onClick={() => remove.mutate({ ids }, { onSuccess: () => onDeleted(ids) })}
          >
            {t('bulk.delete')}
          </button>
        </>
      )}
      <button type="button" className={`${button} ml-auto`} onClick={onClear}>
        {t('bulk.clear')}
      </button>
      {added.toast}
      {error != null && (
        <p role="alert" className="w-full text-sm text-rose-700 dark:text-rose-300">
          {errorMessage(error)}
        </p>
      )}
    </div>
  );
}
