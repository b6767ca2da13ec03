import { maxUploadBytes } from '@genhub/core/schemas';
import { ToolInputError } from '../tool-input-error';

/**
 * The default way to read a reference image by URL (the stdio server runs on the user's own
 * machine): http(s), held to the upload size cap. The HTTP endpoint passes its own, guarded one.
 */
export async function fetchPublicImage(url: string, signal: AbortSignal): Promise<Uint8Array> {
  const res = await fetch(url, { signal, redirect: 'follow' });
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    throw new ToolInputError(`${url} answered HTTP ${res.status}`);
  }
  const reader: ReadableStreamDefaultReader<Uint8Array> = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > maxUploadBytes) {
      await reader.cancel();
      throw new ToolInputError(`${url} is larger than ${maxUploadBytes / 1024 / 1024} MB`);
    }
    parts.push(read.value);
  }
  return Buffer.concat(parts);
}
