import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';
import { useTRPC } from '../trpc';
import { fresh } from './fresh';
import { ProviderKeyRow } from './provider-key-row';
import { alert, muted } from './settings-styles';

/** Admins: each provider's key, set here without a restart; environment variables win. */
export function ProviderKeysSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const keys = useQuery(trpc.admin.providerKeys.list.queryOptions(undefined, fresh));
  return (
    <section aria-labelledby="provider-keys-heading" className="flex flex-col gap-3">
      <h2 id="provider-keys-heading" className="text-lg font-semibold">
        {t('settings.providers.heading')}
      </h2>
      <p className="text-sm">{t('settings.providers.intro')}</p>
      <p className={muted}>{t('settings.providers.envWins')}</p>
      {keys.isPending && <p>{t('gallery.loading')}</p>}
      {keys.isError && (
        <p role="alert" className={alert}>
          {errorMessage(keys.error)}
        </p>
      )}
      {keys.data && (
        <ul className="flex flex-col gap-3">
          {keys.data.map((entry) => (
            <ProviderKeyRow key={entry.name} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}
