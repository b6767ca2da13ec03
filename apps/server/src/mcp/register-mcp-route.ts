import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createGenhubClient } from '@genhub/client';
import { defaultDownloadPolicy, downloadImage, maxUploadBytes } from '@genhub/core';
import { createGenhubMcpServer } from '@genhub/mcp';
import type { RequestGate } from '../auth/gate-request';
import type { Env } from '../env';
import { sendError } from '../routes/send-error';
import { loopbackUrl } from './loopback-url';
import { refuseMcpPost } from './mcp-request-body';
import { presentedKey } from './presented-key';

/** A base64 reference image of the upload cap, with room for the rest of the message. */
const bodyLimit = Math.ceil((maxUploadBytes * 4) / 3) + 1024 * 1024;

/**
 * `POST /mcp`: the MCP tools over Streamable HTTP, stateless (a server and transport per
 * request). It takes an API key with the read scope; each tool then calls this server's own API
 * with that key, so the key's scopes decide what a tool may do (generating needs `generate`),
 * exactly as over stdio. GET and DELETE (streams and sessions) answer 405: there are none.
 */
export function registerMcpRoute(fastify: FastifyInstance, gate: RequestGate, env: Env) {
  const keys = new WeakMap<FastifyRequest, string>();
  const policy = {
    ...defaultDownloadPolicy,
    allowHosts: new Set(env.INGEST_ALLOW_HOSTS),
    maxBytes: maxUploadBytes,
  };
  const fetchImage = (url: string, signal: AbortSignal) => downloadImage(url, policy, signal);

  // Before the body is read: a caller without a key sends no 16 MB for nothing.
  const authenticate = async (req: FastifyRequest, reply: FastifyReply) => {
    reply.header('www-authenticate', 'Bearer realm="genhub"');
    const allowed = await gate(req, reply, 'read');
    if (!allowed) return reply;
    const key = presentedKey(req.headers.authorization);
    if (allowed.viewer.via !== 'key' || key === null) {
      return sendError(
        reply,
        401,
        'UNAUTHORIZED',
        'The MCP endpoint takes an API key: send "Authorization: Bearer gh_…"',
      );
    }
    reply.removeHeader('www-authenticate');
    keys.set(req, key);
  };

  fastify.post('/mcp', { bodyLimit, onRequest: authenticate }, async (req, reply) => {
    const refusal = refuseMcpPost(req.headers.accept, req.body);
    if (refusal) return sendError(reply, refusal.status, refusal.code, refusal.message);
    const apiKey = keys.get(req);
    if (apiKey === undefined) return sendError(reply, 401, 'UNAUTHORIZED', 'Send an API key');
    const client = createGenhubClient({ url: loopbackUrl(fastify), apiKey });
    const publicUrl = env.PUBLIC_BASE_URL ?? `${req.protocol}://${req.headers.host ?? ''}`;
    const server = createGenhubMcpServer(client, { publicUrl, fetchImage });
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    reply.hijack();
    reply.raw.once('close', () => {
      void server.close();
      void client.close();
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(req.raw, reply.raw, req.body);
    } catch (error) {
      req.log.error({ err: error }, 'an MCP request failed');
      if (!reply.raw.headersSent) {
        reply.raw.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        reply.raw.end(
          JSON.stringify({ error: { code: 'INTERNAL', message: 'The MCP request failed' } }),
        );
      } else reply.raw.end();
    }
  });

  fastify.route({
    method: ['GET', 'DELETE'],
    url: '/mcp',
    onRequest: authenticate,
    handler: (_req, reply) =>
      sendError(
        reply.header('allow', 'POST'),
        405,
        'METHOD_NOT_ALLOWED',
        'This MCP endpoint is stateless: POST each message; it keeps no stream or session',
      ),
  });
}
