import { useEffect, useId, useRef } from 'react';

const button =
  'rounded-md border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 dark:border-stone-600 dark:hover:bg-stone-800';

/**
 * An in-app "Are you sure?" in place of the browser's `confirm()`: modal, Escape or Cancel
 * closes it, the focus starts on Cancel so Enter does not destroy anything by accident.
 */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      onClose={onClose}
      className="m-auto w-[min(26rem,92vw)] rounded-xl bg-white p-5 text-stone-900 shadow-2xl backdrop:bg-black/50 dark:bg-stone-900 dark:text-stone-100"
    >
      <h2 id={`${id}-title`} className="text-base font-semibold">
        {title}
      </h2>
      <p id={`${id}-message`} className="mt-2 text-sm text-stone-700 dark:text-stone-300">
        {message}
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" autoFocus className={button} onClick={() => dialog.current?.close()}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className="rounded-md bg-rose-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-rose-500"
          onClick={() => {
            onConfirm();
            dialog.current?.close();
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
