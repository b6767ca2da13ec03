import { parseRetryAfter } from '../error-class-for-status';
import { parseReply } from '../parse-reply';
import { referenceFileName } from '../reference-file-name';
import { ProviderError, type ReferenceImage } from '../types';
import { replicateError } from './replicate-error';
import { replicateFile } from './replicate-replies';

/** Puts a reference in Replicate's file store (`POST /v1/files`); the model is given its URL. */
export async function uploadToReplicate(
  baseUrl: string,
  authorization: string,
  reference: ReferenceImage,
  signal: AbortSignal,
): Promise<string> {
  const form = new FormData();
  form.append(
    'content',
    new Blob([new Uint8Array(reference.bytes)], { type: reference.mime }),
    referenceFileName(reference, reference.assetId),
  );
  form.append('metadata', new Blob(['{}'], { type: 'application/json' }));
  let response: Response;
  let text: string;
  try {
    response = await fetch(`${baseUrl}/v1/files`, {
      method: 'POST',
      headers: { authorization },
      body: form,
      signal,
    });
    text = await response.text();
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ProviderError('network', 'Could not reach Replicate');
  }
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  if (!response.ok) {
    throw replicateError(
      response.status,
      body,
      parseRetryAfter(response.headers.get('retry-after'), Date.now()),
    );
  }
  return parseReply(replicateFile, body, 'Replicate', 'a file reply').urls.get;
}
