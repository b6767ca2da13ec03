import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * An `onSend` hook. OpenAI's SDKs retry 408, 409, 429 and every 5xx unless `x-should-retry`
 * says otherwise, and a retried image request makes another task: only a rate-limit refusal,
 * which made none, is worth retrying.
 */
export function tellClientsWhetherToRetry(
  _req: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: null, payload: unknown) => void,
): void {
  if (reply.statusCode >= 400 && !reply.hasHeader('x-should-retry')) {
    reply.header('x-should-retry', String(reply.statusCode === 429));
  }
  done(null, payload);
}
