import { useTranslation } from 'react-i18next';
import { button, muted } from '../settings-styles';

/** Newer and Older around the page number, for a list read a keyset page at a time. */
export function PageButtons({
  page,
  hasOlder,
  onNewer,
  onOlder,
}: {
  /** 1 for the newest page. */
  page: number;
  hasOlder: boolean;
  onNewer: () => void;
  onOlder: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="flex items-center gap-2">
      <button type="button" className={button} disabled={page === 1} onClick={onNewer}>
        {t('settings.audit.newer')}
      </button>
      <span className={muted}>{t('settings.audit.page', { page })}</span>
      <button type="button" className={button} disabled={!hasOlder} onClick={onOlder}>
        {t('settings.audit.older')}
      </button>
    </div>
  );
}
