import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OpenAiDeps } from './openai-deps';
import { OpenAiError } from './openai-error';
import { readGenerationFiles } from './read-generation-files';
import { verifyImageSignature } from './signed-image-url';

export type ImageContentRequest = FastifyRequest<{
  Params: { id: string };
  Querystring: { expires?: string; signature?: string };
}>;

/** `GET /v1/images/:id/content`: a generated image by the signed link a `url` answer gave. */
export async function serveImageContent(
  deps: OpenAiDeps,
  req: ImageContentRequest,
  reply: FastifyReply,
) {
  const { id } = req.params;
  // A repeated parameter arrives as a list: only a single value can be genuine.
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const [expires, signature] = [text(req.query.expires), text(req.query.signature)];
  if (!verifyImageSignature(deps.secret, id, expires, signature, deps.core.clock.now())) {
    throw new OpenAiError(
      403,
      'permission_error',
      'invalid_signature',
      'The link is not valid or has expired',
    );
  }
  const [found] = await readGenerationFiles(deps.core, { id });
  if (!found) {
    throw new OpenAiError(404, 'invalid_request_error', 'not_found', 'The image no longer exists');
  }
  return reply
    .type(found.mime)
    .header('cache-control', 'private, no-store')
    .send(await deps.core.storage.get(found.file));
}
