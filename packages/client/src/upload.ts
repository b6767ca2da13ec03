import type { z } from 'zod';
import type { ClientContext } from './client-context';
import { endpoint } from './endpoint';
import { GenhubError } from './genhub-error';
import { uploadReply } from './reply-schemas';
import { sendHttp } from './send-http';

/** An uploaded reference image: pass `id` in `assetIds` of an edit. */
export type Asset = z.output<typeof uploadReply>;

export interface UploadOptions {
  /** The file name the server records (default `upload`). */
  filename?: string;
  /** The image's type when `bytes` does not carry one; the server checks the bytes anyway. */
  contentType?: string;
  signal?: AbortSignal;
}

function toBlob(bytes: Blob | Uint8Array | ArrayBuffer, contentType: string | undefined): Blob {
  if (bytes instanceof Blob) return contentType ? new Blob([bytes], { type: contentType }) : bytes;
  // A view is copied into a plain ArrayBuffer: Blob takes no views of shared memory.
  const part = bytes instanceof Uint8Array ? new Uint8Array(bytes) : bytes;
  return new Blob([part], { type: contentType ?? 'application/octet-stream' });
}

/**
 * Uploads an image (PNG, JPEG or WebP) as a reference for edits. Not retried: a repeat
 * would store a second asset.
 */
export async function upload(
  ctx: ClientContext,
  bytes: Blob | Uint8Array | ArrayBuffer,
  options: UploadOptions = {},
): Promise<Asset> {
  const form = new FormData();
  form.append('file', toBlob(bytes, options.contentType), options.filename ?? 'upload');
  const response = await sendHttp(ctx, endpoint(ctx.base, 'api/assets'), {
    method: 'POST',
    body: form,
    signal: options.signal,
    repeatable: false,
  });
  const reply = uploadReply.safeParse(await response.json().catch(() => null));
  if (!reply.success) {
    throw new GenhubError('INVALID_RESPONSE', 'The upload answer is not an asset', {
      status: response.status,
    });
  }
  return reply.data;
}
