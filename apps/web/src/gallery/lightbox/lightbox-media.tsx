import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Generation, Task } from '@genhub/core/schemas';
import { checkerBehind } from '../checker-behind';
import { taskCaption } from '../task-caption';

/** The open image (click to zoom 1:1) or video (with its player). */
export function LightboxMedia({
  task,
  generation,
  zoomed,
  onZoom,
}: {
  task: Task;
  generation: Generation;
  zoomed: boolean;
  onZoom: () => void;
}) {
  const { t } = useTranslation();
  const [loadedUrl, setLoadedUrl] = useState<string | null>(null);
  if (generation.durationMs !== null) {
    return (
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
    );
  }
  return (
    <img
      data-testid="lightbox-image"
      src={generation.url}
      alt={taskCaption(task, t)}
      onClick={onZoom}
      onLoad={() => setLoadedUrl(generation.url)}
      className={`${zoomed ? 'max-w-none cursor-zoom-out' : 'max-h-full max-w-full cursor-zoom-in object-contain'} ${checkerBehind(task.operation, generation.mime, loadedUrl === generation.url) ? 'checkerboard' : ''}`}
    />
  );
}
