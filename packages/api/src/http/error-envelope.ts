import { z } from 'zod';

/** How every plain HTTP route refuses: a code a program can branch on and a sentence for people. */
export const errorEnvelope = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorEnvelopeBody = z.infer<typeof errorEnvelope>;
