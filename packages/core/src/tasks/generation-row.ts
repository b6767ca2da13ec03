import type { GenerationRow } from '@genhub/db';
import { newId } from '../ids';
import type { StoredMedia } from '../ingest/stored-media';

/** The row recording a stored image (or video) as generation `index` of a task. */
export function generationRow(
  taskId: string,
  index: number,
  image: StoredMedia,
  now: number,
  /** The provider's context for continuing from this image (Gemini's `thoughtSignature`). */
  thoughtSignature: string | null = null,
): GenerationRow {
  const { file, thumbFile, width, height, mime, bytes, sha256 } = image;
  return {
    id: newId(now),
    taskId,
    index,
    file,
    thumbFile,
    width,
    height,
    mime,
    bytes,
    sha256,
    durationMs: 'durationMs' in image ? image.durationMs : null,
    thoughtSignature,
    createdAt: now,
  };
}
