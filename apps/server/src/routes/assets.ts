import type { FastifyInstance } from 'fastify';
import { httpContract } from '@genhub/api';
import { createAsset, findAsset, verifyAssetSignature, type CoreContext } from '@genhub/core';
import type { RequestGate } from '../auth/gate-request';
import { userLimitsOf } from '../accounts/user-limits';
import { readUpload } from './read-upload';
import { sendError } from './send-error';

/** `POST /api/assets`: one multipart field `file`, a PNG, JPEG or WebP of at most 10 MB. */
export function registerAssetRoutes(
  app: FastifyInstance,
  core: CoreContext,
  secret: Buffer,
  gate: RequestGate,
) {
  /** An uploaded image by a signed, expiring URL: how providers fetch reference images. */
  app.get<{ Params: { id: string }; Querystring: { expires?: string; signature?: string } }>(
    '/api/assets/:id/content',
    async (req, reply) => {
      const { id } = req.params;
      if (
        !verifyAssetSignature(secret, id, req.query.expires, req.query.signature, core.clock.now())
      ) {
        return sendError(reply, 403, 'FORBIDDEN', 'The link is not valid or has expired');
      }
      const asset = await findAsset(core, id);
      if (!asset) return sendError(reply, 404, 'NOT_FOUND', 'No such image');
      return reply
        .type(asset.mime)
        .header('cache-control', 'private, no-store')
        .send(await core.storage.get(asset.file));
    },
  );

  const upload = httpContract.uploadAsset;
  app.post(upload.path, async (req, reply) => {
    const allowed = await gate(req, reply, upload.scope);
    if (!allowed) return reply;
    if (!req.isMultipart()) {
      return sendError(
        reply,
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Send multipart/form-data with a field "file"',
      );
    }
    let bytes: Buffer;
    let name: string | undefined;
    // An admin may have given this user a smaller limit than the server's.
    const ownMb = (await userLimitsOf(core.data, allowed.viewer.user.id)).maxUploadMb;
    const limit = ownMb === null ? upload.maxBytes : Math.min(upload.maxBytes, ownMb * 1024 * 1024);
    const tooLarge = () =>
      sendError(
        reply,
        413,
        'PAYLOAD_TOO_LARGE',
        `An image may be at most ${limit / 1024 / 1024} MB${ownMb === null ? '' : ' for your account'}`,
      );
    try {
      const part = await req.file({ limits: { fileSize: limit, files: 1 } });
      if (!part || part.fieldname !== upload.field) {
        return sendError(
          reply,
          400,
          'INVALID_INPUT',
          'Send the image in a multipart field named "file"',
        );
      }
      const file = await readUpload(part.file, limit);
      if (!file) return tooLarge();
      bytes = file;
      name = part.filename;
    } catch (error) {
      if (error instanceof app.multipartErrors.RequestFileTooLargeError) return tooLarge();
      if (error instanceof app.multipartErrors.FilesLimitError) {
        return sendError(reply, 400, 'INVALID_INPUT', 'Send one file per request');
      }
      req.log.warn({ err: error }, 'unreadable upload');
      return sendError(reply, 400, 'INVALID_INPUT', 'The upload could not be read');
    }
    // A core error (too many pixels, undecodable, …) becomes its envelope in the error handler.
    return reply
      .status(201)
      .send(upload.response.parse(await createAsset(allowed.core, bytes, name)));
  });
}
