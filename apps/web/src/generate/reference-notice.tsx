import { useTranslation } from 'react-i18next';

/** Says what a change of mode did to the references, with a way back. */
export function ReferenceNotice({
  text,
  setAside,
  onUndo,
  onDismiss,
}: {
  text: string;
  /** Images wait aside: say that they come back. */
  setAside: boolean;
  onUndo: (() => void) | null;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div
      role="status"
      data-testid="reference-notice"
      className="flex items-start gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-stone-900 dark:border-amber-700 dark:bg-amber-950 dark:text-stone-100"
    >
      <p className="flex-1">
        {text}
        {setAside && <span className="block text-xs opacity-80">{t('composer.comeBack')}</span>}
      </p>
      {onUndo && (
        <button
          type="button"
          onClick={onUndo}
          className="rounded-md px-2 py-0.5 font-semibold text-amber-800 underline hover:bg-amber-100 dark:text-amber-300 dark:hover:bg-amber-900"
        >
          {t('composer.undo')}
        </button>
      )}
      <button
        type="button"
        onClick={onDismiss}
        aria-label={t('composer.dismiss')}
        className="rounded-md px-1.5 hover:bg-amber-100 dark:hover:bg-amber-900"
      >
        ✕
      </button>
    </div>
  );
}
