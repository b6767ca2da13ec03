import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendGenerateIntent } from '../generate/generate-intents';
import { errorMessage } from '../lib/error-message';
import { taskCostLabel } from '../lib/format-cost';
import { useOpenPlanBuilder } from '../plans/plan-builder-context';
import { useTRPC } from '../trpc';
import { checkerBehind } from './checker-behind';
import { catalogNames } from './lightbox/catalog-names';
import { CollectionPicker } from './lightbox/collection-picker';
import { mimeLabel } from './lightbox/mime-label';
import { optionPhrases } from './lightbox/option-phrases';
import { taskCaption } from './task-caption';
import { clipLength, type Task } from '@genhub/core/schemas';

export interface LightboxItem {
  task: Task;
  index: number;
}

const extension: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
};

export function Lightbox({
  item,
  onClose,
  onStep,
  onDelete,
  deleting = false,
  deleteError = null,
}: {
  item: LightboxItem;
  onClose: () => void;
  onStep: (delta: -1 | 1) => void;
  /**
   * Moves the task to the trash; the caller runs it, since the lightbox closes (and may unmount
   * first, when the task leaves the list) before the server answers.
   */
  onDelete?: () => void;
  deleting?: boolean;
  deleteError?: unknown;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const openPlanBuilder = useOpenPlanBuilder();
  const star = useMutation(trpc.generation.star.mutationOptions());
  const asReference = useMutation(trpc.asset.fromGeneration.mutationOptions());
  const providers = useQuery(trpc.provider.list.queryOptions());
  const [zoomed, setZoomed] = useState(false);
  const [copied, setCopied] = useState(false);
  const [loadedUrl, setLoadedUrl] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const { task, index } = item;
  const generation = task.generations[index];
  const costLabel = taskCostLabel(task, t);

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  if (!generation) return null;
  const video = generation.durationMs !== null;
  const options = optionPhrases(task.options, t).join(', ');
  const names = catalogNames(task, providers.data, t);
  const tried = task.triedProviders
    .map((id) => catalogNames({ provider: id, model: '' }, providers.data, t).provider)
    .join(', ');
  const rows: [string, string][] = [
    [t('lightbox.operation'), t(`operation.names.${task.operation}`)],
    ...(options ? [[t('lightbox.options'), options] as [string, string]] : []),
    [t('lightbox.provider'), names.provider],
    [t('lightbox.model'), names.model],
    [t('lightbox.aspectRatio'), task.aspectRatio],
    ...(task.resolution ? [[t('generate.resolution'), task.resolution] as [string, string]] : []),
    [t('lightbox.size'), `${generation.width} × ${generation.height}`],
    ...(generation.durationMs !== null
      ? [[t('lightbox.duration'), clipLength(generation.durationMs)] as [string, string]]
      : []),
    [t('lightbox.format'), mimeLabel(generation.mime)],
    [t('lightbox.seed'), String(task.seed)],
    [t('task.attempts'), `${task.attempts} / ${Math.max(1, task.maxAttempts)}`],
    ...(tried ? [[t('lightbox.triedFirst'), tried] as [string, string]] : []),
    ...(task.warnings.length > 0
      ? [[t('lightbox.warnings'), task.warnings.join('; ')] as [string, string]]
      : []),
    ...(costLabel ? [[t('lightbox.cost'), costLabel] as [string, string]] : []),
    ...(task.planItemId ? [[t('lightbox.plan'), task.planItemId] as [string, string]] : []),
    [t('lightbox.created'), new Date(task.createdAt).toLocaleString(i18n.language)],
    ...(task.startedAt !== null && task.finishedAt !== null
      ? [
          [
            t('lightbox.took'),
            t('lightbox.seconds', {
              seconds: ((task.finishedAt - task.startedAt) / 1000).toFixed(1),
            }),
          ] as [string, string],
        ]
      : []),
  ];
  const reuse = async (withReferences: boolean) => {
    const references = withReferences
      ? await queryClient.fetchQuery(trpc.asset.byIds.queryOptions({ ids: task.assetIds }))
      : null;
    sendGenerateIntent({ kind: 'reuse', task, references });
    dialog.current?.close();
  };
  const starred = task.starredAt !== null;
  const count = task.generations.length;
  const nav = 'rounded-md border border-stone-600 px-3 py-1.5 text-sm hover:bg-stone-800';

  return (
    <dialog
      ref={dialog}
      aria-label={taskCaption(task, t)}
      onClose={onClose}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') onStep(-1);
        if (e.key === 'ArrowRight') onStep(1);
        if (e.key === 'z' && !(e.target instanceof HTMLInputElement)) setZoomed((z) => !z);
      }}
      className="m-auto h-full max-h-none w-full max-w-none bg-stone-950 p-0 text-stone-100 backdrop:bg-black/70"
    >
      <div className="flex h-full flex-col lg:flex-row">
        <div
          className={`flex min-h-0 flex-1 p-4 ${zoomed ? 'overflow-auto' : 'items-center justify-center'}`}
        >
          {video ? (
            <video
              data-testid="lightbox-video"
              src={generation.url}
              poster={generation.thumbUrl}
              controls
              playsInline
              preload="metadata"
              aria-label={t('lightbox.player')}
              className="max-h-full max-w-full bg-black"
            />
          ) : (
            <img
              data-testid="lightbox-image"
              src={generation.url}
              alt={taskCaption(task, t)}
              onClick={() => setZoomed((z) => !z)}
              onLoad={() => setLoadedUrl(generation.url)}
              className={`${zoomed ? 'max-w-none cursor-zoom-out' : 'max-h-full max-w-full cursor-zoom-in object-contain'} ${checkerBehind(task.operation, generation.mime, loadedUrl === generation.url) ? 'checkerboard' : ''}`}
            />
          )}
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
            {!video && (
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
            )}
            <button
              type="button"
              className={nav}
              aria-pressed={starred}
              onClick={() => star.mutate({ ids: [task.id], starred: !starred })}
            >
              {starred ? `★ ${t('gallery.unstar')}` : `☆ ${t('gallery.star')}`}
            </button>
            {!video && (
              <button
                type="button"
                className={nav}
                aria-pressed={zoomed}
                onClick={() => setZoomed((z) => !z)}
              >
                {zoomed ? t('lightbox.fit') : t('lightbox.zoom')}
              </button>
            )}
            {onDelete && task.deletedAt === null && (
              <button
                type="button"
                className={`${nav} text-rose-300`}
                disabled={deleting}
                onClick={onDelete}
              >
                {t('lightbox.delete')}
              </button>
            )}
            <button
              type="button"
              className={`${nav} ml-auto`}
              onClick={() => dialog.current?.close()}
            >
              {t('lightbox.close')}
            </button>
          </div>
          {count > 1 && (
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
                {t('lightbox.position', { index: index + 1, count })}
              </span>
              <button
                type="button"
                className={nav}
                disabled={index === count - 1}
                onClick={() => onStep(1)}
                aria-label={t('lightbox.nextInTask')}
              >
                ›
              </button>
            </div>
          )}
          {task.prompt && (
            <section>
              <h2 className="mb-1 text-xs uppercase tracking-wide text-stone-400">
                {t('lightbox.prompt')}
              </h2>
              <p className="whitespace-pre-wrap text-sm">{task.prompt}</p>
              <button
                type="button"
                className={`${nav} mt-2`}
                onClick={() =>
                  void navigator.clipboard.writeText(task.prompt).then(() => setCopied(true))
                }
              >
                {copied ? t('lightbox.copied') : t('lightbox.copyPrompt')}
              </button>
            </section>
          )}
          <section className="flex flex-wrap gap-2">
            <button type="button" className={nav} onClick={() => void reuse(false)}>
              {t('lightbox.reuse')}
            </button>
            {task.assetIds.length > 0 && (
              <button type="button" className={nav} onClick={() => void reuse(true)}>
                {t('lightbox.reuseWithReferences')}
              </button>
            )}
            {!video && (
              <button
                type="button"
                className={nav}
                disabled={asReference.isPending}
                onClick={() =>
                  asReference.mutate(
                    { generationId: generation.id },
                    {
                      onSuccess: (asset) => {
                        sendGenerateIntent({ kind: 'reference', asset });
                        dialog.current?.close();
                      },
                    },
                  )
                }
              >
                {t('lightbox.useAsReference')}
              </button>
            )}
          </section>
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
