import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Generation, Task } from '@genhub/core/schemas';
import { useOpenPlanBuilder } from '../../plans/plan-builder-context';
import { useTRPC } from '../../trpc';
import { lightboxButton as nav } from './lightbox-button';

const extension: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
};

/** Stepping, download, variations, star, zoom, trash and close. */
export function LightboxToolbar({
  task,
  generation,
  index,
  zoomed,
  onZoom,
  onStep,
  onDelete,
  deleting,
  close,
}: {
  task: Task;
  generation: Generation;
  index: number;
  zoomed: boolean;
  onZoom: () => void;
  onStep: (delta: -1 | 1) => void;
  onDelete?: () => void;
  deleting: boolean;
  close: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const openPlanBuilder = useOpenPlanBuilder();
  const star = useMutation(trpc.generation.star.mutationOptions());
  const video = generation.durationMs !== null;
  const starred = task.starredAt !== null;
  return (
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
            close();
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
        <button type="button" className={nav} aria-pressed={zoomed} onClick={onZoom}>
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
      <button type="button" className={`${nav} ml-auto`} onClick={close}>
        {t('lightbox.close')}
      </button>
    </div>
  );
}
