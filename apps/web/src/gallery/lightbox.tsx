import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';
import { ChainTimeline } from './lightbox/chain-timeline';
import { CollectionPicker } from './lightbox/collection-picker';
import type { CompareImage, CompareMode } from './lightbox/compare-image';
import { CompareView } from './lightbox/compare-view';
import { InputCompare } from './lightbox/input-compare';
import { lightboxButton as nav } from './lightbox/lightbox-button';
import { LightboxDetails } from './lightbox/lightbox-details';
import { LightboxMedia } from './lightbox/lightbox-media';
import { LightboxToolbar } from './lightbox/lightbox-toolbar';
import { PromptSection } from './lightbox/prompt-section';
import { ReuseActions } from './lightbox/reuse-actions';
import { RetryHistory } from './lightbox/retry-history';
import { useEditThis } from './lightbox/use-edit-this';
import { taskCaption } from './task-caption';
import type { Task } from '@genhub/core/schemas';

export interface LightboxItem {
  task: Task;
  index: number;
}

/** A comparison on show, for the image it was opened on (`at`); another image drops it. */
interface Comparison {
  at: string;
  /** The input asset compared with, or null for two chain steps. */
  inputId: string | null;
  before: CompareImage;
  after: CompareImage;
}

export function Lightbox({
  item,
  onClose,
  onStep,
  onOpen,
  onDelete,
  deleting = false,
  deleteError = null,
}: {
  item: LightboxItem;
  onClose: () => void;
  onStep: (delta: -1 | 1) => void;
  /** Shows another task's first image (a step of the edit chain). */
  onOpen?: (taskId: string) => void;
  /**
   * Moves the task to the trash; the caller runs it, since the lightbox closes (and may unmount
   * first, when the task leaves the list) before the server answers.
   */
  onDelete?: () => void;
  deleting?: boolean;
  deleteError?: unknown;
}) {
  const { t } = useTranslation();
  const [zoomed, setZoomed] = useState(false);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [compareMode, setCompareMode] = useState<CompareMode>('slider');
  const dialog = useRef<HTMLDialogElement>(null);
  const close = () => dialog.current?.close();
  const { editThis, pending: editing, error: editError } = useEditThis(close);
  const { task, index } = item;
  const generation = task.generations[index];
  const at = `${task.id}:${index}`;

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  if (!generation) return null;
  const video = generation.durationMs !== null;
  const compare = comparison?.at === at ? comparison : null;
  const zoom = () => setZoomed((z) => !z);

  return (
    <dialog
      ref={dialog}
      aria-label={taskCaption(task, t)}
      onClose={onClose}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') onStep(-1);
        if (e.key === 'ArrowRight') onStep(1);
        if (e.key === 'z' && !compare && !(e.target instanceof HTMLInputElement)) zoom();
      }}
      className="m-auto h-full max-h-none w-full max-w-none bg-stone-950 p-0 text-stone-100 backdrop:bg-black/70"
    >
      <div className="flex h-full flex-col lg:flex-row">
        <div className="flex min-h-[60vh] min-w-0 flex-1 flex-col lg:min-h-0">
          <div
            className={`flex min-h-0 flex-1 p-4 ${zoomed && !compare ? 'overflow-auto' : 'items-center justify-center'}`}
          >
            {compare ? (
              <CompareView
                key={`${compare.before.url} ${compare.after.url}`}
                before={compare.before}
                after={compare.after}
                mode={compareMode}
                onMode={setCompareMode}
              />
            ) : (
              <LightboxMedia task={task} generation={generation} zoomed={zoomed} onZoom={zoom} />
            )}
          </div>
          {!video && (
            <ChainTimeline
              taskId={task.id}
              onOpen={(taskId) => onOpen?.(taskId)}
              onEdit={editThis}
              onCompare={(before, after) => setComparison({ at, inputId: null, before, after })}
              editing={editing}
            />
          )}
        </div>
        <aside className="flex w-full shrink-0 flex-col gap-4 overflow-y-auto border-stone-800 p-4 lg:w-80 lg:border-l">
          <LightboxToolbar
            task={task}
            generation={generation}
            index={index}
            zoomed={zoomed}
            onZoom={zoom}
            onStep={onStep}
            onDelete={onDelete}
            deleting={deleting}
            close={close}
          />
          {task.generations.length > 1 && (
            <div className="flex items-center gap-2 text-sm">
              <button
                type="button"
                className={nav}
                disabled={index === 0}
                onClick={() => onStep(-1)}
                aria-label={t('lightbox.previousInTask')}
              >
                ‹
              </button>
              <span data-testid="lightbox-position" aria-live="polite">
                {t('lightbox.position', { index: index + 1, count: task.generations.length })}
              </span>
              <button
                type="button"
                className={nav}
                disabled={index === task.generations.length - 1}
                onClick={() => onStep(1)}
                aria-label={t('lightbox.nextInTask')}
              >
                ›
              </button>
            </div>
          )}
          {!video && (
            <InputCompare
              task={task}
              after={{ url: generation.url, label: t('lightbox.compare.after') }}
              comparing={compare?.inputId ?? null}
              onCompare={(inputId, before, after) => setComparison({ at, inputId, before, after })}
              onStop={() => setComparison(null)}
            />
          )}
          {compare && compare.inputId === null && (
            <button type="button" className={nav} onClick={() => setComparison(null)}>
              {t('lightbox.compare.stop')}
            </button>
          )}
          <PromptSection prompt={task.prompt} />
          <ReuseActions
            task={task}
            generation={generation}
            onEditThis={() => editThis(task.id, generation.id)}
            editing={editing}
            editError={editError}
            close={close}
          />
          {task.deletedAt === null && (
            <section>
              <h2 className="mb-1 text-xs uppercase tracking-wide text-stone-400">
                {t('lightbox.addToCollection')}
              </h2>
              <CollectionPicker taskId={task.id} className={nav} />
            </section>
          )}
          {deleteError != null && (
            <p role="alert" className="text-sm text-rose-300">
              {errorMessage(deleteError)}
            </p>
          )}
          <LightboxDetails task={task} generation={generation} />
          <RetryHistory task={task} />
        </aside>
      </div>
    </dialog>
  );
}
