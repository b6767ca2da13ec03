import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { button, dangerButton } from './settings-styles';

/** A button that asks before it acts: the question, then the action or Cancel, in place. */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  pending = false,
  onConfirm,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  pending?: boolean;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={button} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={question} className="inline-flex flex-wrap items-center gap-2">
      <span className="text-sm">{question}</span>
      <button
        type="button"
        className={dangerButton}
        disabled={pending}
        onClick={() => {
          onConfirm();
          setAsking(false);
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className={button} onClick={() => setAsking(false)}>
        {t('settings.cancel')}
      </button>
    </span>
  );
}
