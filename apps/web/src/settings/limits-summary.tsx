import { useTranslation } from 'react-i18next';
import { limitNames, type LimitName } from './read-limit';

/** A user's own limits, one a line; "Server default" where none is set. */
export function LimitsSummary({ limits }: { limits: Record<LimitName, number | null> }) {
  const { t } = useTranslation();
  return limitNames.map((name) => (
    <span key={name} className="block" data-limit={name}>
      {t('settings.users.limitLine', {
        label: t(`settings.users.limit.${name}`),
        value: limits[name] ?? t('settings.users.serverDefault'),
      })}
    </span>
  ));
}
