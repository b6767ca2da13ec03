import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';
import { useTRPC } from '../trpc';
import { downloadZip } from './download-zip';

const button =
  'rounded-md border border-stone-300 px-2.5 py-1 text-sm hover:bg-stone-100 disabled:opacity-50 dark:border-stone-600 dark:hover:bg-stone-800';

/** What can be done to the selected images at once. */
export function BulkBar({
  ids,
  inTrash,
  onDeleted,
  onClear,
  onSelectAll,
}: {
  ids: string[];
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
  const create = useMutation(trpc.collection.create.mutationOptions());
  const add = useMutation(trpc.collection.add.mutationOptions());
  const error = star.error ?? remove.error ?? restore.error ?? create.error ?? add.error;

  const addTo = async (value: string) => {
    let collectionId = value;
    if (value === '__new') {
      const name = window.prompt(t('bulk.newCollectionName'))?.trim();
      if (!name) return;
      collectionId = (await create.mutateAsync({ name })).id;
    }
    if (collectionId) await add.mutateAsync({ collectionId, ids });
    void collections.refetch();
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
          <label className="flex items-center gap-1 text-sm">
            <span className="sr-only">{t('bulk.addToCollection')}</span>
            <select className={button} value="" onChange={(e) => void addTo(e.target.value)}>
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
      {error && (
        <p role="alert" className="w-full text-sm text-rose-700 dark:text-rose-300">
          {errorMessage(error)}
        </p>
      )}
    </div>
  );
}
