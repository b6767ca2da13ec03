import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { toOpenAiError } from './to-openai-error';

/** genhub's envelope: its `error` is only a code and a message (OpenAI's has a `type`). */
const envelope = z.object({ error: z.strictObject({ code: z.string(), message: z.string() }) });

/**
 * A `preSerialization` hook: refusals by genhub's shared guards (the key gate, the rate limits,
 * the edge guard), which answer in genhub's `{ error: { code, message } }`, leave `/v1` in
 * OpenAI's shape instead.
 */
export function translateEnvelope(
  _req: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
): void {
  const parsed = reply.statusCode >= 400 ? envelope.safeParse(payload) : null;
  if (!parsed?.success) return done(null, payload);
  const { code, message } = parsed.data.error;
  done(null, toOpenAiError(reply.statusCode, code, message).body);
}
