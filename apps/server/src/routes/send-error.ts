import type { FastifyReply } from 'fastify';

/** The JSON error body of every plain HTTP route. */
export function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.status(status).send({ error: { code, message } });
}
