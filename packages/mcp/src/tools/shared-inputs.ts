import { createTaskInput } from '@genhub/core/schemas';
import { z } from 'zod';
import { waitSeconds } from './wait-seconds';

/** The task request's own fields (before its operation-dependent defaults). */
const fields = createTaskInput.in.shape;

const imageRef =
  'a task, generation or asset id, an http(s) URL, a data: URL or base64 of a PNG, JPEG or WebP';

/** The task settings `generate` and `edit` share, described for a model. */
export const taskSettings = {
  prompt: fields.prompt.unwrap().min(1, 'Write a prompt').describe('What to make, in words'),
  aspectRatio: fields.aspectRatio.describe(
    'Width:height of the result; absent: 1:1, or the first image shape for an edit',
  ),
  count: fields.count.describe('How many images to make'),
  provider: fields.provider
    .unwrap()
    .optional()
    .describe('A genhub provider id (such as local, kie, fal, replicate); absent: local'),
  model: fields.model.describe("The provider's model id; absent: its default"),
  outputFormat: fields.outputFormat.unwrap().optional().describe('File format; absent: png'),
  seed: fields.seed.describe('The same seed and prompt give the same picture where supported'),
  waitSeconds: waitSeconds('the images'),
};

export const imageReference = z.string().min(1).describe(`An image: ${imageRef}`);

export const referenceImages = z
  .array(imageReference)
  .max(16)
  .optional()
  .describe(`Reference images, each ${imageRef}`);
