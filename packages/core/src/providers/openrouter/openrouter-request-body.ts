import type { Task } from '../../schemas';
import type { ReferenceImage } from '../types';

/** The chat completion body for a task: image output, ratio and size, seed, then the message. */
export function openRouterRequestBody(task: Task, references: ReferenceImage[]) {
  const imageConfig = {
    ...(task.aspectRatio === 'auto' ? {} : { aspect_ratio: task.aspectRatio }),
    // OpenRouter spells the sizes as genhub does, 0.5K included.
    ...(task.resolution ? { image_size: task.resolution } : {}),
  };
  return {
    model: task.model,
    modalities: ['image', 'text'],
    ...(Object.keys(imageConfig).length > 0 ? { image_config: imageConfig } : {}),
    seed: task.seed,
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: task.prompt },
          ...references.map((r) => ({
            type: 'image_url',
            image_url: { url: `data:${r.mime};base64,${r.bytes.toString('base64')}` },
          })),
        ],
      },
    ],
  };
}
