import { aspectRatio, maxImagesPerTask, outputFormat, promptMaxLength } from '@genhub/core';
import { z } from 'zod';

const dimension = '[1-9]\\d{0,4}';

/**
 * What `/v1/images/generations` and `/v1/images/edits` take: OpenAI's fields, and genhub's
 * `aspect_ratio`. `quality`, `style`, `moderation`, `output_compression`, `partial_images` and
 * `user` are accepted and not used.
 */
export const imageRequest = z
  .object({
    prompt: z
      .string({ error: 'a prompt is required' })
      .trim()
      .min(1, 'a prompt is required')
      .max(promptMaxLength, `a prompt has at most ${promptMaxLength} characters`),
    model: z.string().min(1).max(300).nullish(),
    n: z
      .number()
      .int()
      .min(1)
      .max(maxImagesPerTask, `at most ${maxImagesPerTask} images a request`)
      .nullish(),
    size: z
      .string()
      .regex(
        new RegExp(`^(auto|${dimension}x${dimension})$`),
        'use WIDTHxHEIGHT (1024x1024, 1536x1024, 1024x1536, 1792x1024, …) or auto',
      )
      .nullish(),
    aspect_ratio: aspectRatio.nullish(),
    response_format: z.enum(['url', 'b64_json']).nullish(),
    output_format: outputFormat.nullish(),
    background: z.enum(['auto', 'opaque', 'transparent']).nullish(),
    stream: z.boolean().nullish(),
  })
  .superRefine((request, ctx) => {
    if (request.stream) {
      ctx.addIssue({
        code: 'custom',
        path: ['stream'],
        message: 'streaming is not supported; leave stream out',
      });
    }
    if (request.background === 'transparent') {
      ctx.addIssue({
        code: 'custom',
        path: ['background'],
        message: 'a transparent background is not supported; remove it afterwards in genhub',
      });
    }
  });
export type ImageRequest = z.infer<typeof imageRequest>;
