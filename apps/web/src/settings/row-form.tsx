import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';
import { button, muted, primaryButton } from './settings-styles';

/** A form opened beneath a user's row: its fields, then Save and Cancel, a hint and what failed. */
export function RowForm({
  label,
  submitLabel,
  mutation,
  ready = true,
  hint,
  onSubmit,
  onCancel,
  children,
}: {
  label: string;
  submitLabel: string;
  /** The save: pending, or what it failed with. */
  mutation: { isPending: boolean; error: unknown };
  /** Whether the fields can be sent as they are. */
  ready?: boolean;
  hint?: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form
      noValidate
      aria-label={label}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        {children}
        <button type="submit" disabled={!ready || mutation.isPending} className={primaryButton}>
          {submitLabel}
        </button>
        <button type="button" className={button} onClick={onCancel}>
          {t('settings.cancel')}
        </button>
      </div>
      {hint && <p className={muted}>{hint}</p>}
      {mutation.error !== null && <ErrorAlert error={mutation.error} />}
    </form>
  );
}
