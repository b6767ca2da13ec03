import type { Task } from '../../schemas';
import type { ParentTurn, ReferenceImage } from '../types';
import { geminiSafetySettings } from './gemini-safety-settings';

/** The Gemini API spells genhub's 0.5K size "512"; the others as they are. */
const imageSize = (resolution: NonNullable<Task['resolution']>) =>
  resolution === '0.5K' ? '512' : resolution;

const inlinePart = (image: ReferenceImage) => ({
  inline_data: { mime_type: image.mime, data: image.bytes.toString('base64') },
});

/**
 * The conversation so far when an edit continues a Gemini result of the same model that came
 * with a thought signature: the parent's prompt, then the parent's image as the model's turn
 * with its signature (Gemini 3 refuses a model image without one). Null otherwise: the
 * previous image is then an ordinary reference.
 */
function previousTurns(task: Task, references: ReferenceImage[], parent: ParentTurn | null) {
  const image = references[0];
  if (
    !parent ||
    !image ||
    parent.thoughtSignature === null ||
    parent.provider !== task.provider ||
    parent.model !== task.model
  ) {
    return null;
  }
  return [
    { role: 'user', parts: [{ text: parent.prompt }] },
    {
      role: 'model',
      parts: [{ ...inlinePart(image), thought_signature: parent.thoughtSignature }],
    },
  ];
}

/**
 * The `generateContent` body for a task: prompt, references inline, size, ratio, seed, safety;
 * for an edit that continues a chain on the same Gemini model, the multi-turn conversation.
 */
export function geminiRequestBody(
  task: Task,
  references: ReferenceImage[],
  parent: ParentTurn | null = null,
) {
  const imageConfig = {
    // Without an aspect ratio the image follows the references.
    ...(task.aspectRatio === 'auto' ? {} : { aspectRatio: task.aspectRatio }),
    ...(task.resolution ? { imageSize: imageSize(task.resolution) } : {}),
  };
  const safetySettings = geminiSafetySettings(task.safety);
  const history = previousTurns(task, references, parent);
  // In a conversation the first reference is the model's own image, already in its turn.
  const sent = history ? references.slice(1) : references;
  return {
    contents: [
      ...(history ?? []),
      { role: 'user', parts: [{ text: task.prompt }, ...sent.map(inlinePart)] },
    ],
    generationConfig: {
      responseModalities: ['TEXT', 'IMAGE'],
      seed: task.seed,
      ...(Object.keys(imageConfig).length > 0 ? { imageConfig } : {}),
    },
    ...(safetySettings ? { safetySettings } : {}),
  };
}
