import { useTranslation } from 'react-i18next';
import { useViewer } from './viewer-context';

/**
 * The providers that cannot be chosen yet for want of a key, said plainly under the form:
 * admins get a link to the page that sets keys, members are told to ask one.
 */
export function MissingProviderKeys({
  providers,
}: {
  providers: readonly { id: string; label: string; configured: boolean }[];
}) {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const missing = providers.filter((p) => !p.configured).map((p) => p.label);
  if (missing.length === 0) return null;
  const names = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(missing);
  return (
    <p data-testid="missing-provider-keys" className="text-xs text-stone-600 dark:text-stone-400">
      {t('account.missingKeys', { names })}{' '}
      {viewer?.user.role === 'admin' ? (
        <a
          href="#/settings/providers"
          className="font-medium text-amber-700 underline hover:text-amber-600 dark:text-amber-400"
        >
          {t('account.setKeys')}
        </a>
      ) : (
        t('account.askAdmin')
      )}
    </p>
  );
}
