import type { Task } from '../../schemas';
import { ProviderError, type ReferenceImage, type VideoOutput } from '../types';
import { clipSize } from './clip-size';
import { runPixelTask } from './pixel-workers';

/**
 * A task's preview clip, made in a pixel worker (rendering and H.264 encoding would hold the
 * event loop for seconds): the images' bytes move there, the MP4 and its poster come back.
 */
export async function makeVideo(
  task: Task,
  references: ReferenceImage[],
  signal: AbortSignal,
  maxPixels: number,
): Promise<VideoOutput> {
  const images = references.map((r) => r.bytes);
  const [mp4, poster] = await runPixelTask(
    'makeClip',
    {
      prompt: task.prompt,
      seed: task.seed,
      ...clipSize(task.aspectRatio, references[0]),
      seconds: task.options.durationSeconds ?? 8,
      images,
      endOnLast: task.options.videoMode !== 'reference' && references.length === 2,
      maxPixels,
    },
    images,
    signal,
  );
  if (!mp4) throw new ProviderError('internal', 'The local engine made no clip');
  return { chunks: [mp4], poster };
}
