import { useTranslation } from 'react-i18next';
import { useViewer } from '../account/viewer-context';
import { ApiKeysSection } from './api-keys-section';
import { AuditSection } from './audit-section';
import { ProviderKeysSection } from './provider-keys-section';
import { adminSections, settingsSectionOf, settingsSections } from './settings-section';
import { useHash } from './use-hash';
import { UsersSection } from './users-section';
import { WebhooksSection } from './webhooks/webhooks-section';

const sectionView = {
  keys: ApiKeysSection,
  webhooks: WebhooksSection,
  users: UsersSection,
  providers: ProviderKeysSection,
  audit: AuditSection,
} as const;

/** `#/settings/<section>`: API keys for everyone; users, provider keys and the audit log for admins. */
export default function SettingsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const hash = useHash();
  const admin = viewer?.user.role === 'admin';
  const section = settingsSectionOf(hash, admin);
  const shown = settingsSections.filter((s) => admin || !adminSections.has(s));
  const Section = sectionView[section];
  return (
    <div className="flex flex-col gap-4 md:flex-row">
      <nav aria-label={t('settings.heading')} className="flex shrink-0 flex-col gap-1 md:w-48">
        <h2 className="mb-1 text-lg font-semibold">{t('settings.heading')}</h2>
        {shown.map((s) => (
          <a
            key={s}
            href={`#/settings/${s}`}
            aria-current={s === section ? 'page' : undefined}
            className={`rounded-md px-3 py-1.5 text-sm ${s === section ? 'bg-stone-900 text-white dark:bg-amber-400 dark:text-stone-950' : 'hover:bg-stone-100 dark:hover:bg-stone-800'}`}
          >
            {t(`settings.sections.${s}`)}
          </a>
        ))}
      </nav>
      <div className="min-w-0 flex-1">
        <Section />
      </div>
    </div>
  );
}
