import { useTranslation } from 'react-i18next';
import { useFailingEndpoints } from './use-failing-endpoints';

/** A red count beside the user's name while any of their endpoints is disabled for failing. */
export function FailingWebhooksBadge() {
  const { t } = useTranslation();
  const count = useFailingEndpoints().length;
  if (count === 0) return null;
  return (
    <span
      data-testid="webhooks-failing-badge"
      className="rounded-full bg-rose-600 px-1.5 text-xs font-semibold text-white"
    >
      <span aria-hidden>{count}</span>
      <span className="sr-only">{t('account.menu.webhooksFailing', { n: count })}</span>
    </span>
  );
}
