import { useRef, useState, type SyntheticEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Task } from '@genhub/core/schemas';
import { RetryHistory } from './lightbox/retry-history';

const stopHere = (event: SyntheticEvent) => event.stopPropagation();

/**
 * A retry's mark on its tile, which opens its earlier attempts: the only way to them while
 * the retry has no image to open in the lightbox (waiting, running, or failed again).
 */
export function RetryMark({ task }: { task: Task }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  // The history is read once opened, not for every retry in the gallery.
  const [open, setOpen] = useState(false);
  if (task.retriedFromId === null) return null;
  return (
    <>
      <button
        type="button"
        data-testid="retry-mark"
        title={t('retry.markTitle')}
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
        className="shrink-0 rounded bg-sky-100 px-1.5 py-0.5 text-[10px] font-medium text-sky-900 hover:bg-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:hover:bg-sky-900"
      >
        <span aria-hidden>↻</span> {t('retry.mark')}
      </button>
      {createPortal(
        <dialog
          ref={dialog}
          aria-label={t('retry.history')}
          onClose={() => setOpen(false)}
          // Rendered in the body, but React bubbles its events to the tile (long press, …).
          onPointerDown={stopHere}
          onKeyDown={stopHere}
          className="m-auto w-full max-w-sm rounded-xl bg-stone-900 p-4 text-stone-100 backdrop:bg-black/60"
        >
          {open && <RetryHistory task={task} />}
          <form method="dialog" className="mt-3 flex justify-end">
            <button
              type="submit"
              className="rounded-md border border-stone-600 px-3 py-1.5 text-sm hover:bg-stone-800"
            >
              {t('lightbox.close')}
            </button>
          </form>
        </dialog>,
        document.body,
      )}
    </>
  );
}
