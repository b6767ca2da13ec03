import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldClass, inputClass } from '../account/text-field';
import { useTRPC } from '../trpc';
import { ErrorAlert } from './error-alert';
import { NewKeyNotice } from './new-key-notice';
import { ScopeCheckboxes, type Scope } from './scope-checkboxes';
import { primaryButton } from './settings-styles';

const expiryChoices = ['never', '7', '30', '90', '365'] as const;
type Expiry = (typeof expiryChoices)[number];

/** Name, scopes and expiry of a new key; the key itself is shown once, after. */
export function CreateKeyForm({ offered }: { offered: readonly Scope[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['read', 'generate']);
  const [expiry, setExpiry] = useState<Expiry>('90');
  const create = useMutation(
    trpc.account.keys.create.mutationOptions({
      onSuccess: () => {
        setName('');
        void queryClient.invalidateQueries({ queryKey: trpc.account.keys.list.queryKey() });
      },
    }),
  );
  const ready = name.trim() !== '' && scopes.length > 0 && !create.isPending;
  if (create.data) {
    return (
      <NewKeyNotice name={create.data.name ?? ''} apiKey={create.data.key} onDone={create.reset} />
    );
  }
  return (
    <form
      aria-labelledby="create-key-heading"
      data-testid="create-key-form"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        create.mutate({
          name: name.trim(),
          scopes,
          expiresInDays: expiry === 'never' ? null : Number(expiry),
        });
      }}
    >
      <h3 id="create-key-heading" className="font-semibold">
        {t('settings.keys.create')}
      </h3>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className={fieldClass}>
          {t('settings.keys.name')}
          <input
            value={name}
            maxLength={64}
            placeholder={t('settings.keys.namePlaceholder')}
            onChange={(e) => setName(e.target.value)}
            className={inputClass}
          />
        </label>
        <label className={fieldClass}>
          {t('settings.keys.expiry')}
          <select
            value={expiry}
            onChange={(e) => setExpiry(expiryChoices.find((c) => c === e.target.value) ?? '90')}
            className={inputClass}
          >
            {expiryChoices.map((c) => (
              <option key={c} value={c}>
                {c === 'never' ? t('settings.keys.never') : t('settings.keys.days', { days: c })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ScopeCheckboxes offered={offered} value={scopes} onChange={setScopes} />
      {create.isError && <ErrorAlert error={create.error} />}
      <button type="submit" disabled={!ready} className={`${primaryButton} self-start`}>
        {t('settings.keys.createButton')}
      </button>
    </form>
  );
}
