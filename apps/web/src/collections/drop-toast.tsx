import { useTranslation } from 'react-i18next';

export interface DropResult {
  collectionId: string;
  name: string;
  /** The tasks this drop added (the others were in the collection already). */
  added: string[];
}

/** "Added 3 images to Trips", with Undo (which takes out only what the drop added). */
export function DropToast({
  result,
  onUndo,
  onDismiss,
}: {
  result: DropResult;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const { added, name } = result;
  return (
    <div
      role="status"
      data-testid="collection-toast"
      className="fixed bottom-16 left-1/2 z-30 flex -translate-x-1/2 items-center gap-3 rounded-lg bg-stone-900 px-4 py-2 text-sm text-white shadow-lg dark:bg-stone-100 dark:text-stone-900"
    >
      {added.length > 0
        ? t('collections.added', { count: added.length, name })
        : t('collections.alreadyIn', { name })}
      {added.length > 0 && (
        <button
          type="button"
          className="font-semibold text-amber-400 underline dark:text-amber-700"
          onClick={onUndo}
        >
          {t('collections.undo')}
        </button>
      )}
      <button type="button" aria-label={t('collections.dismiss')} onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
