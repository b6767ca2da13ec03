import { useTranslation } from 'react-i18next';
import { languages } from '.';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="inline-flex items-center gap-2 text-xs">
      <span className="sr-only">{t('language.label')}</span>
      <select
        value={i18n.language}
        onChange={(e) => void i18n.changeLanguage(e.target.value)}
        className="rounded-md border border-stone-300 bg-transparent px-2 py-1 dark:border-stone-700"
      >
        {languages.map((l) => (
          <option key={l.code} value={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}
