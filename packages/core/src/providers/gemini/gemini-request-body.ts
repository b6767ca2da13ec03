import type { Task } from '../../schemas';
import type { ReferenceImage } from '../types';
import { geminiSafetySettings } from './gemini-safety-settings';

/** The Gemini API spells genhub's 0.5K size "512"; the others as they are. */
const imageSize = (resolution: NonNullable<Task['resolution']>) =>
  resolution === '0.5K' ? '512' : resolution;

/** The `generateContent` body for a task: prompt, references inline, size, ratio, seed, safety. */
export function geminiRequestBody(task: Task, references: ReferenceImage[]) {
  const imageConfig = {
    // Without an aspect ratio the image follows the references.
    ...(task.aspectRatio === 'auto' ? {} : { aspectRatio: task.aspectRatio }),
    ...(task.resolution ? { imageSize: imageSize(task.resolution) } : {}),
  };
  const safetySettings = geminiSafetySettings(task.safety);
  return {
    contents: [
      {
        role: 'user',
        parts: [
          { text: task.prompt },
          ...references.map((r) => ({
            inline_data: { mime_type: r.mime, data: r.bytes.toString('base64') },
          })),
        ],
      },
    ],
    generationConfig: {
      responseModalities: ['TEXT', 'IMAGE'],
      seed: task.seed,
      ...(Object.keys(imageConfig).length > 0 ? { imageConfig } : {}),
    },
    ...(safetySettings ? { safetySettings } : {}),
  };
}
