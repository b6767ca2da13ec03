import {
  contentTypeOf,
  isStorageName,
  RangeNotSatisfiableError,
  type OpenedFile,
  type Storage,
} from '@genhub/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { matchesEtag } from './matches-etag';
import { parseRangeHeader } from './parse-range-header';
import { sendError } from './send-error';

/** Content-addressed: a name's bytes never change, so it is cached for good (privately). */
const cacheControl = 'private, max-age=31536000, immutable';
/** A redirect to a public bucket lasts a day: S3_PUBLIC_URL may be changed. */
const redirectCacheControl = 'private, max-age=86400';

/**
 * Answers a GET or HEAD of a stored file from whichever store holds it (or sends the client
 * to the store's public address, when it has one): a strong ETag (the
 * name is the content's hash), 304 for a cached copy, one byte range (206, or 416 past the
 * end), streamed, never held in memory.
 */
export async function serveStoredFile(
  req: FastifyRequest,
  reply: FastifyReply,
  storage: Storage,
  name: string,
) {
  if (!isStorageName(name)) return sendError(reply, 404, 'NOT_FOUND', 'No such file');
  const direct = storage.directUrl?.(name);
  if (direct)
    return reply
      .code(302)
      .header('location', direct)
      .header('cache-control', redirectCacheControl)
      .send();
  const etag = `"${name}"`;
  // Only on answers with the file: a 404 or 416 must not be cached for good.
  const cached = () => reply.header('cache-control', cacheControl).header('etag', etag);
  const ifNoneMatch = req.headers['if-none-match'];
  if (matchesEtag(ifNoneMatch, etag)) return cached().code(304).send();

  const ifRange = req.headers['if-range'];
  // A range of another version is no use to the client: it gets the whole file.
  const range =
    ifRange === undefined || ifRange === etag ? parseRangeHeader(req.headers.range) : null;
  let file: OpenedFile | null;
  try {
    file = await storage.open(name, range ?? undefined, { headOnly: req.method === 'HEAD' });
  } catch (error) {
    if (!(error instanceof RangeNotSatisfiableError)) throw error;
    reply.header('content-range', `bytes */${error.size}`);
    return sendError(reply, 416, 'RANGE_NOT_SATISFIABLE', 'The range lies outside the file');
  }
  if (!file) return sendError(reply, 404, 'NOT_FOUND', 'No such file');

  cached()
    .header('accept-ranges', 'bytes')
    .header('content-type', contentTypeOf(name))
    .header('x-content-type-options', 'nosniff');
  if (ifNoneMatch?.trim() === '*') {
    file.body.destroy();
    return reply.code(304).send();
  }
  const { start, end } = file.range ?? { start: 0, end: file.size - 1 };
  reply.header('content-length', String(end - start + 1));
  if (file.range) reply.code(206).header('content-range', `bytes ${start}-${end}/${file.size}`);
  if (req.method === 'HEAD') {
    file.body.destroy();
    return reply.send();
  }
  return reply.send(file.body);
}
