import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';
import { ErrorAlert } from './error-alert';
import { fresh } from './fresh';
import { ProviderKeyRow } from './provider-key-row';
import { SettingsCard } from './settings-card';
import { muted } from './settings-styles';

/** Admins: each provider's key, set here without a restart; environment variables win. */
export function ProviderKeysSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const keys = useQuery(trpc.admin.providerKeys.list.queryOptions(undefined, fresh));
  return (
    <SettingsCard
      id="provider-keys"
      heading={t('settings.providers.heading')}
      className="flex flex-col gap-3"
    >
      <p className="text-sm">{t('settings.providers.intro')}</p>
      <p className={muted}>{t('settings.providers.envWins')}</p>
      {keys.isPending && <p>{t('gallery.loading')}</p>}
      {keys.isError && <ErrorAlert error={keys.error} />}
      {keys.data && (
        <ul className="flex flex-col gap-3">
          {keys.data.map((entry) => (
            <ProviderKeyRow key={entry.name} entry={entry} />
          ))}
        </ul>
      )}
    </SettingsCard>
  );
}
