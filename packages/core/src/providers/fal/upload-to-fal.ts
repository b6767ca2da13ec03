import { isIP } from 'node:net';
import { isPublicAddress } from '../../ingest/address-policy';
import { errorClassForStatus } from '../error-class-for-status';
import type { jsonClient } from '../http-json';
import { parseReply } from '../parse-reply';
import { referenceFileName } from '../reference-file-name';
import { ProviderError, type ReferenceImage } from '../types';
import { falUploadReply } from './fal-replies';

/**
 * Where fal said to PUT the bytes, refused unless it is https (or on the REST API's own
 * origin, as a fake fal in tests serves both) and not a private address literal.
 */
function uploadTarget(uploadUrl: string, restBaseUrl: string): URL {
  const url = URL.canParse(uploadUrl) ? new URL(uploadUrl) : null;
  const literal = url?.hostname.replace(/^\[|\]$/g, '') ?? '';
  const usable =
    url !== null &&
    (url.origin === new URL(restBaseUrl).origin ||
      (url.protocol === 'https:' && (isIP(literal) === 0 || isPublicAddress(literal))));
  if (!url || !usable)
    throw new ProviderError(
      'provider_unavailable',
      'fal.ai gave an upload URL genhub will not use',
    );
  return url;
}

/**
 * Puts a reference on fal's CDN: initiate (with the key), then PUT the bytes to the signed
 * upload URL (without it); the model is given the file's URL.
 */
export async function uploadToFal(
  call: ReturnType<typeof jsonClient>,
  restBaseUrl: string,
  reference: ReferenceImage,
  signal: AbortSignal,
): Promise<string> {
  const initiated = parseReply(
    falUploadReply,
    await call<unknown>(
      `${restBaseUrl}/storage/upload/initiate?storage_type=fal-cdn-v3`,
      'POST',
      signal,
      {
        content_type: reference.mime,
        file_name: referenceFileName(reference, reference.assetId),
      },
    ),
    'fal.ai',
    'an upload reply',
  );
  const target = uploadTarget(initiated.upload_url, restBaseUrl);
  let response: Response;
  try {
    response = await fetch(target, {
      method: 'PUT',
      headers: { 'content-type': reference.mime },
      body: new Uint8Array(reference.bytes),
      signal,
      redirect: 'error',
    });
    // Nothing of the reply is read: its body, of any size, is not held.
    await response.body?.cancel();
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ProviderError('network', 'Could not reach fal.ai storage');
  }
  if (!response.ok) {
    throw new ProviderError(
      errorClassForStatus(response.status),
      `fal.ai storage refused the reference upload (HTTP ${response.status})`,
    );
  }
  return initiated.file_url;
}
