import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { DataTable } from '../data-table';
import { ErrorAlert } from '../error-alert';
import { fresh } from '../fresh';
import { button, muted } from '../settings-styles';
import { DeliveryRow } from './delivery-row';
import { PageButtons } from './page-buttons';
import {
  deliveryStatuses,
  type WebhookDeliveryStatus,
  type WebhookEndpoint,
} from './webhook-types';

const pageSize = 20;
const select = 'rounded border border-stone-300 bg-transparent px-1 py-0.5 dark:border-stone-700';

/** The delivery log, newest first, a page at a time, by endpoint and status; redeliver. */
export function DeliveryLog({ endpoints }: { endpoints: readonly WebhookEndpoint[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [endpointId, setEndpointId] = useState('');
  const [status, setStatus] = useState<WebhookDeliveryStatus | ''>('');
  // The cursors of the pages seen so far: the last is the page shown.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const page = useQuery(
    trpc.webhooks.deliveries.list.queryOptions(
      {
        limit: pageSize,
        ...(cursor === undefined ? {} : { cursor }),
        ...(endpointId ? { endpointId } : {}),
        ...(status ? { status } : {}),
      },
      { ...fresh, placeholderData: keepPreviousData },
    ),
  );
  const byId = new Map(endpoints.map((e) => [e.id, e]));
  const filter = (apply: () => void) => {
    apply();
    setCursors([undefined]);
  };
  return (
    <section aria-labelledby="webhook-deliveries-heading" className="flex flex-col gap-2">
      <h3 id="webhook-deliveries-heading" className="font-semibold">
        {t('settings.webhooks.deliveries.heading')}
      </h3>
      <div className="flex flex-wrap gap-3 text-sm">
        <label className="flex items-center gap-2">
          {t('settings.webhooks.deliveries.endpoint')}
          <select
            value={endpointId}
            onChange={(e) => filter(() => setEndpointId(e.target.value))}
            className={`${select} max-w-[16rem]`}
          >
            <option value="">{t('settings.webhooks.deliveries.allEndpoints')}</option>
            {endpoints.map((e) => (
              <option key={e.id} value={e.id}>
                {e.description || e.url}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          {t('settings.webhooks.deliveries.status')}
          <select
            value={status}
            onChange={(e) =>
              filter(() => setStatus(deliveryStatuses.find((s) => s === e.target.value) ?? ''))
            }
            className={select}
          >
            <option value="">{t('settings.webhooks.deliveries.allStatuses')}</option>
            {deliveryStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`settings.webhooks.deliveries.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className={button} onClick={() => void page.refetch()}>
          {t('settings.webhooks.deliveries.refresh')}
        </button>
      </div>
      {page.isPending && <p>{t('gallery.loading')}</p>}
      {page.isError && <ErrorAlert error={page.error} />}
      {page.data?.items.length === 0 && (
        <p className={muted}>{t('settings.webhooks.deliveries.none')}</p>
      )}
      {page.data && page.data.items.length > 0 && (
        <DataTable
          testId="webhook-deliveries"
          headings={[
            'created',
            'endpoint',
            'event',
            'status',
            'attempts',
            'nextAttempt',
            'response',
            'error',
          ].map((k) => t(`settings.webhooks.deliveries.${k}`))}
          actions={t('settings.actions')}
        >
          {page.data.items.map((delivery) => {
            const endpoint = byId.get(delivery.endpointId);
            return (
              <DeliveryRow
                key={delivery.id}
                delivery={delivery}
                endpointUrl={endpoint?.url ?? '–'}
                canSend={endpoint?.enabled === true}
              />
            );
          })}
        </DataTable>
      )}
      <PageButtons
        page={cursors.length}
        hasOlder={Boolean(page.data?.nextCursor) && !page.isPlaceholderData}
        onNewer={() => setCursors((c) => c.slice(0, -1))}
        onOlder={() => {
          const next = page.data?.nextCursor;
          if (next) setCursors((c) => [...c, next]);
        }}
      />
    </section>
  );
}
