import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputClass } from '../account/text-field';
import { useTRPC } from '../trpc';
import { ConfirmButton } from './confirm-button';
import { ErrorAlert } from './error-alert';
import { formatTime } from './format-time';
import type { RouterInputs, RouterOutputs } from './router-types';
import { button, card, muted, primaryButton } from './settings-styles';

type ProviderKey = RouterOutputs['admin']['providerKeys']['list'][number];
type ProviderKeyName = RouterInputs['admin']['providerKeys']['set']['name'];

const badge = {
  env: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
  settings: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
  none: 'bg-stone-100 text-stone-700 dark:bg-stone-800 dark:text-stone-300',
} as const;

/** One provider's key: where it comes from, its last four characters; set, replace, clear. */
export function ProviderKeyRow({ entry }: { entry: ProviderKey }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  // The key changes what the generate form may offer, and which balances show.
  const refresh = () =>
    Promise.all(
      [
        trpc.admin.providerKeys.list.queryKey(),
        trpc.provider.list.queryKey(),
        trpc.account.balance.queryKey(),
      ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
  const set = useMutation(
    trpc.admin.providerKeys.set.mutationOptions({
      onSuccess: async () => {
        setEditing(false);
        setValue('');
        await refresh();
      },
    }),
  );
  const clear = useMutation(trpc.admin.providerKeys.clear.mutationOptions({ onSuccess: refresh }));
  const source = entry.source ?? 'none';
  // The server lists only the names it takes.
  const name = entry.name as ProviderKeyName;
  const failure = set.error ?? clear.error;
  return (
    <li className={card} data-testid="provider-key" data-name={entry.name} data-source={source}>
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold">{entry.label}</h3>
        <code className={muted}>{entry.name}</code>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${badge[source]}`}>
          {t(`settings.providers.source.${source}`)}
        </span>
        {entry.last4 && (
          <span
            className="font-mono text-sm"
            aria-label={t('settings.providers.endsWith', { last4: entry.last4 })}
          >
            ••••{entry.last4}
          </span>
        )}
      </div>
      {entry.updatedAt !== null && entry.source === 'settings' && (
        <p className={muted}>
          {t('settings.providers.updated', { time: formatTime(entry.updatedAt, i18n.language) })}
        </p>
      )}
      {entry.error && <ErrorAlert error={entry.error} />}
      {entry.source === 'env' ? (
        <p className={muted}>{t('settings.providers.envManaged', { name: entry.name })}</p>
      ) : editing ? (
        <form
          className="flex flex-wrap items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (value.trim() !== '') set.mutate({ name, value: value.trim() });
          }}
        >
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            aria-label={t('settings.providers.valueFor', { name: entry.name })}
            className={`${inputClass} min-w-0 flex-1 font-mono`}
          />
          <button
            type="submit"
            disabled={value.trim() === '' || set.isPending}
            className={primaryButton}
          >
            {t('settings.providers.save')}
          </button>
          <button type="button" className={button} onClick={() => setEditing(false)}>
            {t('settings.cancel')}
          </button>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={button} onClick={() => setEditing(true)}>
            {entry.source === 'settings'
              ? t('settings.providers.replace')
              : t('settings.providers.set')}
          </button>
          {entry.source === 'settings' && (
            <ConfirmButton
              label={t('settings.providers.clear')}
              question={t('settings.providers.clearQuestion', { label: entry.label })}
              confirmLabel={t('settings.providers.clear')}
              pending={clear.isPending}
              onConfirm={() => clear.mutate({ name })}
            />
          )}
        </div>
      )}
      {failure && <ErrorAlert error={failure} />}
    </li>
  );
}
