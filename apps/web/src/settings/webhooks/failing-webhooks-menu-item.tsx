import { useTranslation } from 'react-i18next';
import { useFailingEndpoints } from './use-failing-endpoints';

/** In the user menu, while any endpoint is disabled for failing: the way to the notice. */
export function FailingWebhooksMenuItem({
  className,
  onNavigate,
}: {
  className: string;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  const count = useFailingEndpoints().length;
  if (count === 0) return null;
  return (
    <a
      role="menuitem"
      href="#/settings/webhooks"
      onClick={onNavigate}
      className={`${className} font-medium text-rose-700 dark:text-rose-300`}
    >
      {t('account.menu.webhooksFailing', { n: count })}
    </a>
  );
}
