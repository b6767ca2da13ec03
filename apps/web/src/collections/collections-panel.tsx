import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validCollectionName } from './valid-collection-name';
import { errorMessage } from '../lib/error-message';
import { NameField } from '../lib/name-field';
import { useTRPC } from '../trpc';
import { CollectionActions } from './collection-actions';
import { CollectionChip } from './collection-chip';
import { showCollection, useCollectionFilter } from './collection-filter';
import { useAddToCollection } from './use-add-to-collection';
import { useCollectionActions } from './use-collection-actions';

const button =
  'rounded-md border border-stone-300 px-2 py-1 text-sm hover:bg-stone-100 disabled:opacity-50 dark:border-stone-600 dark:hover:bg-stone-800';

/**
 * The user's collections: create one, click one to filter the gallery by it, rename or delete
 * the one shown, and drop gallery images onto one to add them.
 */
export function CollectionsPanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const collections = useQuery(trpc.collection.list.queryOptions());
  const { create } = useCollectionActions();
  const { addTo, toast, error: addError } = useAddToCollection();
  const activeId = useCollectionFilter();
  const [creating, setCreating] = useState(false);
  const items = collections.data ?? [];
  const active = items.find((c) => c.id === activeId);
  const error = create.error ?? addError;

  return (
    <section aria-labelledby="collections-heading" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="collections-heading" className="text-lg font-semibold">
          {t('collections.heading')}
        </h2>
        {creating ? (
          <NameField
            label={t('collections.name')}
            submitLabel={t('collections.create')}
            cancelLabel={t('collections.cancel')}
            validate={validCollectionName}
            problemText={t('collections.nameProblem')}
            busy={create.isPending}
            onSubmit={(name) => create.mutate({ name }, { onSuccess: () => setCreating(false) })}
            onCancel={() => setCreating(false)}
          />
        ) : (
          <button type="button" className={button} onClick={() => setCreating(true)}>
            + {t('collections.new')}
          </button>
        )}
      </div>
      {collections.isSuccess && items.length === 0 ? (
        <p className="text-sm text-stone-600 dark:text-stone-400">{t('collections.none')}</p>
      ) : (
        <>
          <ul
            aria-label={t('collections.heading')}
            className="flex gap-2 overflow-x-auto pb-1 sm:flex-wrap"
          >
            {items.map((c) => (
              <CollectionChip
                key={c.id}
                collection={c}
                active={c.id === activeId}
                onDrop={(tasks) => addTo(c, tasks)}
              />
            ))}
          </ul>
          <p className="text-xs text-stone-600 dark:text-stone-400">{t('collections.dropHint')}</p>
        </>
      )}
      {active && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium">{active.name}</span>
          <CollectionActions
            collection={active}
            className={button}
            onDeleted={() => showCollection('')}
          />
          <button type="button" className={button} onClick={() => showCollection('')}>
            {t('collections.showAll')}
          </button>
        </div>
      )}
      {error != null && (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {errorMessage(error)}
        </p>
      )}
      {toast}
    </section>
  );
}
