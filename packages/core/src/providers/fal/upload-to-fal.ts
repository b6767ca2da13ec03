import { errorClassForStatus } from '../error-class-for-status';
import type { jsonClient } from '../http-json';
import { parseReply } from '../parse-reply';
import { ProviderError, type ReferenceImage } from '../types';
import { falUploadReply } from './fal-replies';

const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
};

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
        file_name: `${reference.assetId}.${extensions[reference.mime] ?? 'bin'}`,
      },
    ),
    'fal.ai',
    'an upload reply',
  );
  let response: Response;
  try {
    response = await fetch(initiated.upload_url, {
      method: 'PUT',
      headers: { 'content-type': reference.mime },
      body: new Uint8Array(reference.bytes),
      signal,
    });
    await response.arrayBuffer();
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
