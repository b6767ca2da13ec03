import { useTranslation } from 'react-i18next';
import { formatTime } from '../format-time';
import { muted } from '../settings-styles';
import type { WebhookEndpoint } from './webhook-types';

/** On, off, or disabled by the server for failing; and since when attempts fail. */
export function EndpointStatus({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { t, i18n } = useTranslation();
  if (endpoint.disabledReason === 'failing') {
    return (
      <span className="font-medium text-rose-700 dark:text-rose-300">
        {t('settings.webhooks.failing')}
      </span>
    );
  }
  if (!endpoint.enabled) return <span>{t('settings.webhooks.off')}</span>;
  return (
    <span>
      {t('settings.webhooks.on')}
      {endpoint.failingSince !== null && (
        <span className={`${muted} block text-amber-700 dark:text-amber-400`}>
          {t('settings.webhooks.failingSince', {
            time: formatTime(endpoint.failingSince, i18n.language),
          })}
        </span>
      )}
    </span>
  );
}
