import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { ErrorAlert } from '../error-alert';
import { formatTime } from '../format-time';
import { button, cell, muted, row } from '../settings-styles';
import { useRefreshWebhooks } from './use-refresh-webhooks';
import { eventKey, type WebhookDelivery } from './webhook-types';

const statusTone: Record<WebhookDelivery['status'], string> = {
  pending: 'text-amber-700 dark:text-amber-400',
  delivered: 'text-emerald-700 dark:text-emerald-400',
  failed: 'text-rose-700 dark:text-rose-300',
};

/** One delivery: its event, state, attempts, next try, last answer; send it again. */
export function DeliveryRow({
  delivery,
  endpointUrl,
  canSend,
}: {
  delivery: WebhookDelivery;
  endpointUrl: string;
  /** Whether its endpoint is on (a disabled one is sent nothing). */
  canSend: boolean;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshWebhooks();
  const redeliver = useMutation(
    trpc.webhooks.deliveries.redeliver.mutationOptions({ onSuccess: refresh }),
  );
  const time = (ms: number | null) => formatTime(ms, i18n.language);
  return (
    <tr
      className={row}
      data-testid="webhook-delivery-row"
      data-status={delivery.status}
      data-event={delivery.eventType}
    >
      <td className={`${cell} whitespace-nowrap`}>{time(delivery.createdAt)}</td>
      <td className={`${cell} max-w-[12rem] truncate font-mono text-xs`} title={endpointUrl}>
        {endpointUrl}
      </td>
      <td className={cell}>{t(eventKey(delivery.eventType))}</td>
      <td className={`${cell} font-medium ${statusTone[delivery.status]}`}>
        {t(`settings.webhooks.deliveries.statuses.${delivery.status}`)}
      </td>
      <td className={cell}>
        {t('settings.webhooks.deliveries.attemptsOf', {
          attempts: delivery.attempts,
          max: delivery.maxAttempts,
        })}
      </td>
      <td className={`${cell} whitespace-nowrap`}>
        {delivery.status === 'pending' ? time(delivery.nextAttemptAt) : '–'}
      </td>
      <td className={cell}>
        {delivery.lastStatusCode ??
          (delivery.attempts > 0 ? t('settings.webhooks.deliveries.noResponse') : '–')}
      </td>
      <td className={`${cell} max-w-xs`}>
        {delivery.lastError && (
          <span className={`${muted} break-words`} title={delivery.lastError}>
            {delivery.lastError}
          </span>
        )}
        {redeliver.isError && <ErrorAlert error={redeliver.error} />}
      </td>
      <td className={`${cell} text-right`}>
        <button
          type="button"
          className={button}
          disabled={!canSend || redeliver.isPending}
          onClick={() => redeliver.mutate({ id: delivery.id })}
        >
          {t('settings.webhooks.deliveries.redeliver')}
        </button>
      </td>
    </tr>
  );
}
