import { z } from 'zod';

const tokenCount = z.number().int().nonnegative().optional();

/** What `generateContent` answers (camelCase), as far as genhub reads it. */
export const generateContentReply = z.object({
  candidates: z
    .array(
      z.object({
        content: z
          .object({
            parts: z
              .array(
                z.object({
                  text: z.string().optional(),
                  thought: z.boolean().optional(),
                  /** Gemini 3: the reasoning state to send back with this part in a later turn. */
                  thoughtSignature: z.string().optional(),
                  inlineData: z
                    .object({ mimeType: z.string().optional(), data: z.string() })
                    .optional(),
                }),
              )
              .optional(),
          })
          .optional(),
        finishReason: z.string().optional(),
      }),
    )
    .optional(),
  promptFeedback: z.object({ blockReason: z.string().optional() }).optional(),
  usageMetadata: z
    .object({ candidatesTokenCount: tokenCount, thoughtsTokenCount: tokenCount })
    .optional(),
});
export type GenerateContentReply = z.infer<typeof generateContentReply>;

/** Google's error envelope. */
export const geminiErrorBody = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    details: z
      .array(
        z.object({
          '@type': z.string().optional(),
          reason: z.string().optional(),
          retryDelay: z.string().optional(),
        }),
      )
      .optional(),
  }),
});
