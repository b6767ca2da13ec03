import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendRefusal } from './send-refusal';

/**
 * A URL the router cannot take (bad percent-encoding, a parameter past its length limit)
 * never reaches a route or the edge guard: it is answered here, in the shape of the path it
 * named, like every other refusal.
 */
export function answerFrameworkError(
  error: Error & { code?: string },
  req: FastifyRequest,
  reply: FastifyReply,
): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  void sendRefusal(req, reply, {
    status: tooLong ? 414 : 400,
    code: tooLong ? 'URI_TOO_LONG' : 'BAD_URL',
    trpcCode: 'BAD_REQUEST',
    message: tooLong
      ? 'A part of the URL is longer than any id or name this server knows'
      : 'The URL is not valid: check its percent-encoding',
  });
}
