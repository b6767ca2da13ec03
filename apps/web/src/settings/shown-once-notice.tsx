import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from './copy-text';
import { button, primaryButton } from './settings-styles';

/** A secret the server shows this once (an API key, a webhook secret), with Copy and a warning. */
export function ShownOnceNotice({
  heading,
  warning,
  value,
  valueLabel,
  copyFailed,
  testId,
  onDone,
}: {
  heading: string;
  warning: string;
  value: string;
  valueLabel: string;
  copyFailed: string;
  testId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div
      role="region"
      aria-label={heading}
      data-testid={testId}
      className="flex flex-col gap-2 rounded-lg border border-amber-400 bg-amber-50 p-3 dark:border-amber-600 dark:bg-amber-950"
    >
      <p className="text-sm font-semibold break-all">{heading}</p>
      <p role="alert" className="text-sm">
        {warning}
      </p>
      <div className="flex gap-2">
        <input
          ref={field}
          readOnly
          value={value}
          aria-label={valueLabel}
          onFocus={(e) => e.target.select()}
          className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-2 py-1 font-mono text-sm dark:border-stone-700 dark:bg-stone-900"
        />
        <button
          type="button"
          className={primaryButton}
          onClick={() => void copyText(value, field.current).then(setCopied)}
        >
          {copied ? t('settings.keys.copied') : t('settings.keys.copy')}
        </button>
      </div>
      {copied === false && <p className="text-xs">{copyFailed}</p>}
      <button type="button" className={`${button} self-start`} onClick={onDone}>
        {t('settings.keys.done')}
      </button>
    </div>
  );
}
