import type { FastifyRequest } from 'fastify';
import { clientIpHeader } from './client-ip-header';

const bodiless = new Set(['GET', 'HEAD']);
/** Recomputed for the re-encoded body, or meaningless past this hop. */
const dropped = new Set(['content-length', 'transfer-encoding', 'connection', clientIpHeader]);

/** The request's headers for better-auth, with the client's address in {@link clientIpHeader}. */
export function toWebHeaders(req: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || dropped.has(name)) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  headers.set(clientIpHeader, req.ip);
  return headers;
}

/** A Fastify request (its body already parsed) as the Web `Request` better-auth's handler takes. */
export function toWebRequest(req: FastifyRequest): Request {
  const headers = toWebHeaders(req);
  const url = new URL(req.url, `${req.protocol}://${req.headers.host ?? 'localhost'}`);
  if (bodiless.has(req.method) || req.body === undefined) {
    return new Request(url, { method: req.method, headers });
  }
  headers.set('content-type', 'application/json');
  return new Request(url, { method: req.method, headers, body: JSON.stringify(req.body) });
}
