import { useTranslation } from 'react-i18next';
import { formatTime } from '../format-time';
import type { WebhookEndpoint } from './webhook-types';

/** Endpoints the server disabled for failing, said first and plainly, with the way back. */
export function FailingNotice({ endpoints }: { endpoints: readonly WebhookEndpoint[] }) {
  const { t, i18n } = useTranslation();
  const failing = endpoints.filter((e) => e.disabledReason === 'failing');
  if (failing.length === 0) return null;
  return (
    <div
      role="alert"
      data-testid="webhooks-failing-notice"
      className="flex flex-col gap-1 rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-100"
    >
      <p className="font-semibold">{t('settings.webhooks.failingHeading')}</p>
      {failing.map((endpoint) => (
        <p key={endpoint.id} className="break-all">
          {t('settings.webhooks.failingNotice', {
            url: endpoint.url,
            time: formatTime(endpoint.disabledAt, i18n.language),
          })}
        </p>
      ))}
      <p>{t('settings.webhooks.failingHelp')}</p>
    </div>
  );
}
