import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Collection } from '@genhub/core/schemas';
import { validCollectionName } from './valid-collection-name';
import { ConfirmDialog } from '../lib/confirm-dialog';
import { errorMessage } from '../lib/error-message';
import { NameField } from '../lib/name-field';
import { useCollectionActions } from './use-collection-actions';

/** Rename (inline) and delete (after an in-app confirmation) one collection. */
export function CollectionActions({
  collection,
  className,
  onDeleted,
}: {
  collection: Collection;
  className: string;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const { rename, remove } = useCollectionActions();
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const error = rename.error ?? remove.error;
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      {renaming ? (
        <NameField
          label={t('collections.renameLabel', { name: collection.name })}
          initial={collection.name}
          submitLabel={t('collections.save')}
          cancelLabel={t('collections.cancel')}
          validate={validCollectionName}
          problemText={t('collections.nameProblem')}
          busy={rename.isPending}
          onSubmit={(name) =>
            rename.mutate({ id: collection.id, name }, { onSuccess: () => setRenaming(false) })
          }
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <>
          <button type="button" className={className} onClick={() => setRenaming(true)}>
            {t('collections.rename')}
          </button>
          <button
            type="button"
            className={`${className} text-rose-700 dark:text-rose-300`}
            onClick={() => setConfirming(true)}
          >
            {t('collections.delete')}
          </button>
        </>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('collections.deleteTitle')}
          message={t('collections.deleteConfirm', { name: collection.name })}
          confirmLabel={t('collections.delete')}
          cancelLabel={t('collections.cancel')}
          onConfirm={() => remove.mutate({ id: collection.id }, { onSuccess: onDeleted })}
          onClose={() => setConfirming(false)}
        />
      )}
      {error && (
        <span role="alert" className="text-xs text-rose-700 dark:text-rose-300">
          {errorMessage(error)}
        </span>
      )}
    </span>
  );
}
