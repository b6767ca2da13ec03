import { useTranslation } from 'react-i18next';

export const allScopes = ['read', 'generate', 'admin'] as const;
export type Scope = (typeof allScopes)[number];

/** Which scopes a key gets: one checkbox each, with what it allows. */
export function ScopeCheckboxes({
  offered,
  value,
  onChange,
}: {
  offered: readonly Scope[];
  value: readonly Scope[];
  onChange: (scopes: Scope[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="flex flex-col gap-1 text-sm">
      <legend className="mb-1 font-medium">{t('settings.keys.scopes')}</legend>
      {offered.map((scope) => (
        <label key={scope} className="flex items-start gap-2">
          <input
            type="checkbox"
            className="mt-1"
            checked={value.includes(scope)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? allScopes.filter((s) => s === scope || value.includes(s))
                  : value.filter((s) => s !== scope),
              )
            }
          />
          <span>
            <span className="font-medium">{t(`settings.keys.scope.${scope}`)}</span>
            <span className="block text-xs text-stone-600 dark:text-stone-400">
              {t(`settings.keys.scopeHint.${scope}`)}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
