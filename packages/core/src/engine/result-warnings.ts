import type { StoredMedia } from '../ingest/stored-media';
import { dimensionsOf, type Task } from '../schemas';

/** What the user should know about a result: a different shape or fewer images than asked. */
export function resultWarnings(task: Task, images: StoredMedia[]): string[] {
  const warnings: string[] = [];
  if (images.length < task.count)
    warnings.push(`Asked for ${task.count} images; the provider returned ${images.length}`);
  if (task.aspectRatio !== 'auto') {
    const wanted = dimensionsOf(task.aspectRatio);
    for (const image of images) {
      const off = Math.abs(
        Math.log(image.width / image.height) - Math.log(wanted.width / wanted.height),
      );
      if (off > 0.03) {
        warnings.push(
          `Asked for ${task.aspectRatio}; the provider returned ${image.width}×${image.height}`,
        );
        break;
      }
    }
  }
  return warnings;
}
