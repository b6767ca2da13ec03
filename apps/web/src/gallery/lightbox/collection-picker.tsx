import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { useTRPC } from '../../trpc';

const newCollection = '__new';

/** Adds one task to a collection picked from the user's own, or to a new one named inline. */
export function CollectionPicker({ taskId, className }: { taskId: string; className: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const collections = useQuery(trpc.collection.list.queryOptions());
  const create = useMutation(trpc.collection.create.mutationOptions());
  const add = useMutation(trpc.collection.add.mutationOptions());
  const [choice, setChoice] = useState('');
  const [name, setName] = useState('');
  const [addedTo, setAddedTo] = useState<string | null>(null);
  const error = create.error ?? add.error;
  const creating = choice === newCollection;
  const busy = create.isPending || add.isPending;

  const submit = async () => {
    const target = creating
      ? await create.mutateAsync({ name: name.trim() })
      : collections.data?.find((c) => c.id === choice);
    if (!target) return;
    await add.mutateAsync({ collectionId: target.id, ids: [taskId] });
    setAddedTo(target.name);
    setChoice('');
    setName('');
    void collections.refetch();
  };

  return (
    <form
      className="flex flex-wrap items-center gap-2"
      aria-label={t('lightbox.addToCollection')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit().catch(() => undefined);
      }}
    >
      <label className="text-sm">
        <span className="sr-only">{t('lightbox.addToCollection')}</span>
        <select
          className={`${className} bg-stone-950`}
          value={choice}
          onChange={(e) => {
            setChoice(e.target.value);
            setAddedTo(null);
          }}
        >
          <option value="">{t('lightbox.chooseCollection')}</option>
          {(collections.data ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          <option value={newCollection}>{t('bulk.newCollection')}</option>
        </select>
      </label>
      {creating && (
        <label className="text-sm">
          <span className="sr-only">{t('lightbox.newCollectionName')}</span>
          <input
            className={`${className} w-40 bg-stone-900`}
            value={name}
            placeholder={t('lightbox.newCollectionName')}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
      )}
      <button
        type="submit"
        className={className}
        disabled={busy || !choice || (creating && !name.trim())}
      >
        {t('lightbox.add')}
      </button>
      {addedTo && (
        <p role="status" className="w-full text-sm text-emerald-300">
          {t('lightbox.addedTo', { name: addedTo })}
        </p>
      )}
      {error && (
        <p role="alert" className="w-full text-sm text-rose-300">
          {errorMessage(error)}
        </p>
      )}
    </form>
  );
}
