import { z } from 'zod';

/** What a refusal's `error.metadata` may say; fields of another shape are ignored. */
const errorMetadata = z
  .object({
    /** Moderation: why the input was flagged. */
    reasons: z.array(z.string()).optional(),
    flagged_input: z.string().optional(),
    /** A 402: which limit was hit (`openrouter_in_flight_budget` is a wait, not an empty account). */
    limit_source: z.string().optional(),
  })
  .catch({});

/** OpenRouter's error envelope, on a failed status or inside a 200. */
export const openRouterErrorBody = z.object({
  code: z.union([z.number(), z.string()]).optional(),
  message: z.string().optional(),
  metadata: errorMetadata.optional(),
});
export type OpenRouterErrorBody = z.infer<typeof openRouterErrorBody>;

export const openRouterErrorReply = z.object({ error: openRouterErrorBody });

/** A chat completion with image output, as far as genhub reads it. */
export const chatCompletionReply = z.object({
  error: openRouterErrorBody.optional(),
  choices: z
    .array(
      z.object({
        finish_reason: z.string().nullish(),
        native_finish_reason: z.string().nullish(),
        message: z
          .object({
            images: z
              .array(z.object({ image_url: z.object({ url: z.string() }).optional() }))
              .nullish(),
          })
          .optional(),
      }),
    )
    .optional(),
  usage: z.object({ cost: z.number().nonnegative().optional() }).optional(),
});
