import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { taskCostLabel } from '../lib/format-cost';
import { useOpenPlanBuilder } from '../plans/plan-builder-context';
import { taskCaption } from './task-caption';
import type { Task } from '@genhub/core/schemas';

export interface LightboxItem {
  task: Task;
  index: number;
}

const extension: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

export function Lightbox({
  item,
  onClose,
  onStep,
}: {
  item: LightboxItem;
  onClose: () => void;
  onStep: (delta: -1 | 1) => void;
}) {
  const { t, i18n } = useTranslation();
  const openPlanBuilder = useOpenPlanBuilder();
  const dialog = useRef<HTMLDialogElement>(null);
  const { task, index } = item;
  const generation = task.generations[index];
  const costLabel = taskCostLabel(task, t);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  if (!generation) return null;
  const options = Object.entries(task.options)
    .map(([name, value]) => `${name}: ${String(value)}`)
    .join(', ');
  const rows: [string, string][] = [
    [t('lightbox.operation'), t(`operation.names.${task.operation}`)],
    ...(options ? [[t('lightbox.options'), options] as [string, string]] : []),
    [t('lightbox.provider'), task.provider],
    [t('lightbox.model'), task.model],
    [t('lightbox.aspectRatio'), task.aspectRatio],
    [t('lightbox.size'), `${generation.width} × ${generation.height}`],
    [t('lightbox.format'), generation.mime],
    [t('lightbox.seed'), String(task.seed)],
    [t('task.attempts'), `${task.attempts} / ${Math.max(1, task.maxAttempts)}`],
    ...(task.triedProviders.length > 0
      ? [[t('lightbox.triedFirst'), task.triedProviders.join(', ')] as [string, string]]
      : []),
    ...(task.warnings.length > 0
      ? [[t('lightbox.warnings'), task.warnings.join('; ')] as [string, string]]
      : []),
    ...(costLabel ? [[t('lightbox.cost'), costLabel] as [string, string]] : []),
    ...(task.planItemId ? [[t('lightbox.plan'), task.planItemId] as [string, string]] : []),
    [t('lightbox.created'), new Date(task.createdAt).toLocaleString(i18n.language)],
  ];
  const nav = 'rounded-md border border-stone-600 px-3 py-1.5 text-sm hover:bg-stone-800';

  return (
    <dialog
      ref={dialog}
      aria-label={taskCaption(task, t)}
      onClose={onClose}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') onStep(-1);
        if (e.key === 'ArrowRight') onStep(1);
      }}
      className="m-auto h-full max-h-none w-full max-w-none bg-stone-950 p-0 text-stone-100 backdrop:bg-black/70"
    >
      <div className="flex h-full flex-col lg:flex-row">
        <div className="flex min-h-0 flex-1 items-center justify-center p-4">
          <img
            data-testid="lightbox-image"
            src={generation.url}
            alt={taskCaption(task, t)}
            className={`max-h-full max-w-full object-contain ${generation.mime === 'image/jpeg' ? '' : 'checkerboard'}`}
          />
        </div>
        <aside className="flex w-full shrink-0 flex-col gap-4 overflow-y-auto border-stone-800 p-4 lg:w-80 lg:border-l">
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={nav}
              onClick={() => onStep(-1)}
              aria-label={t('lightbox.previous')}
            >
              ←
            </button>
            <button
              type="button"
              className={nav}
              onClick={() => onStep(1)}
              aria-label={t('lightbox.next')}
            >
              →
            </button>
            <a
              className={`${nav} bg-amber-500 font-medium text-stone-950 hover:bg-amber-400`}
              href={generation.url}
              download={`genhub-${task.id}-${index + 1}.${extension[generation.mime] ?? 'img'}`}
            >
              {t('lightbox.download')}
            </a>
            <button
              type="button"
              className={nav}
              onClick={() => {
                dialog.current?.close();
                openPlanBuilder({ id: generation.id, thumbUrl: generation.thumbUrl });
              }}
            >
              {t('plan.makeVariations')}
            </button>
            <button
              type="button"
              className={`${nav} ml-auto`}
              onClick={() => dialog.current?.close()}
            >
              {t('lightbox.close')}
            </button>
          </div>
          {task.prompt && (
            <section>
              <h2 className="mb-1 text-xs uppercase tracking-wide text-stone-400">
                {t('lightbox.prompt')}
              </h2>
              <p className="whitespace-pre-wrap text-sm">{task.prompt}</p>
            </section>
          )}
          <section>
            <h2 className="mb-1 text-xs uppercase tracking-wide text-stone-400">
              {t('lightbox.details')}
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {rows.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-stone-400">{label}</dt>
                  <dd className="break-all">{value}</dd>
                </div>
              ))}
            </dl>
          </section>
        </aside>
      </div>
    </dialog>
  );
}
