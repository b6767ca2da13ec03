import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../routes/send-error';
import type { Refusal } from './refusal';
import { trpcTarget } from './trpc-target';

/**
 * Answers a refused request: tRPC calls get tRPC's error shape (which its clients parse,
 * batched or not), every other route the `{ error: { code, message } }` envelope. A
 * refused WebSocket upgrade gets its answer and then loses its socket, which no server
 * timeout watches any more.
 */
export function sendRefusal(req: FastifyRequest, reply: FastifyReply, refusal: Refusal) {
  if (req.headers.upgrade !== undefined) {
    const socket = req.raw.socket;
    reply.header('connection', 'close');
    reply.raw.once('finish', () => socket.end());
  }
  if (trpcTarget(req) === 'call')
    return reply.status(refusal.status).send(refusalBody(true, refusal));
  return sendError(reply, refusal.status, refusal.code, refusal.message);
}

/** The body of a refusal, in the shape its client parses: tRPC's for a tRPC call. */
export function refusalBody(toTrpcCall: boolean, refusal: Refusal): { error: object } {
  if (!toTrpcCall) return { error: { code: refusal.code, message: refusal.message } };
  return {
    error: {
      message: refusal.message,
      code: TRPC_ERROR_CODES_BY_KEY[refusal.trpcCode],
      data: { code: refusal.trpcCode, httpStatus: refusal.status },
    },
  };
}
