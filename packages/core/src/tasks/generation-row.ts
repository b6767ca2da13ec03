import type { GenerationRow } from '@genhub/db';
import { newId } from '../ids';
import type { StoredImage } from '../ingest/store-image';

/** The row recording a stored image as image `index` of a task. */
export function generationRow(
  taskId: string,
  index: number,
  image: StoredImage,
  now: number,
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
    createdAt: now,
  };
}
