import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from './copy-text';
import { button, primaryButton } from './settings-styles';

/** A new API key, shown this once, with a copy button and a warning to keep it now. */
export function NewKeyNotice({
  name,
  apiKey,
  onDone,
}: {
  name: string;
  apiKey: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div
      role="region"
      aria-label={t('settings.keys.newKey', { name })}
      data-testid="new-api-key"
      className="flex flex-col gap-2 rounded-lg border border-amber-400 bg-amber-50 p-3 dark:border-amber-600 dark:bg-amber-950"
    >
      <p className="text-sm font-semibold">{t('settings.keys.newKey', { name })}</p>
      <p role="alert" className="text-sm">
        {t('settings.keys.showOnce')}
      </p>
      <div className="flex gap-2">
        <input
          ref={field}
          readOnly
          value={apiKey}
          aria-label={t('settings.keys.theKey')}
          onFocus={(e) => e.target.select()}
          className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-2 py-1 font-mono text-sm dark:border-stone-700 dark:bg-stone-900"
        />
        <button
          type="button"
          className={primaryButton}
          onClick={() => void copyText(apiKey, field.current).then(setCopied)}
        >
          {copied ? t('settings.keys.copied') : t('settings.keys.copy')}
        </button>
      </div>
      {copied === false && <p className="text-xs">{t('settings.keys.copyFailed')}</p>}
      <button type="button" className={`${button} self-start`} onClick={onDone}>
        {t('settings.keys.done')}
      </button>
    </div>
  );
}
