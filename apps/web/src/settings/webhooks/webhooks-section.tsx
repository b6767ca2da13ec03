import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { DataTable } from '../data-table';
import { ErrorAlert } from '../error-alert';
import { fresh } from '../fresh';
import { SettingsCard } from '../settings-card';
import { muted } from '../settings-styles';
import { CreateEndpoint } from './create-endpoint';
import { DeliveryLog } from './delivery-log';
import { EndpointRow } from './endpoint-row';
import { FailingNotice } from './failing-notice';
import { SecretNotice } from './secret-notice';

/** The viewer's outgoing webhooks: endpoints, their secrets (shown once), and the delivery log. */
export function WebhooksSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const endpoints = useQuery(trpc.webhooks.endpoints.list.queryOptions(undefined, fresh));
  const [shown, setShown] = useState<{ url: string; secret: string } | null>(null);
  const list = endpoints.data ?? [];
  return (
    <SettingsCard id="webhooks" heading={t('settings.webhooks.heading')}>
      <FailingNotice endpoints={list} />
      <p className="text-sm">{t('settings.webhooks.intro')}</p>
      <p className={muted}>{t('settings.webhooks.retries')}</p>
      {endpoints.isPending && <p>{t('gallery.loading')}</p>}
      {endpoints.isError && <ErrorAlert error={endpoints.error} />}
      {endpoints.data?.length === 0 && <p className={muted}>{t('settings.webhooks.none')}</p>}
      {list.length > 0 && (
        <DataTable
          testId="webhook-endpoints"
          headings={['endpoint', 'events', 'status', 'created'].map((k) =>
            t(`settings.webhooks.${k}`),
          )}
          actions={t('settings.actions')}
        >
          {list.map((endpoint) => (
            <EndpointRow key={endpoint.id} endpoint={endpoint} onSecret={setShown} />
          ))}
        </DataTable>
      )}
      {shown ? (
        <SecretNotice url={shown.url} secret={shown.secret} onDone={() => setShown(null)} />
      ) : (
        <CreateEndpoint onSecret={setShown} />
      )}
      {list.length > 0 && <DeliveryLog endpoints={list} />}
    </SettingsCard>
  );
}
