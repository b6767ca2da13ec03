import { maxUploadBytes } from '@genhub/core/schemas';
import { ToolInputError } from '../tool-input-error';

const dataUrl = /^data:([^,;]*)(;[^,]*)?,/i;
const base64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** Bytes of a `data:` URL or of bare base64; null when the text is neither. */
export function decodeBase64Image(text: string): Uint8Array | null {
  const header = dataUrl.exec(text);
  if (header && !/;base64$/i.test(header[2] ?? '')) {
    throw new ToolInputError('A data: URL of an image must be base64 (data:image/png;base64,…)');
  }
  const payload = (header ? text.slice(header[0].length) : text).replace(/\s+/g, '');
  // Ids and names are short; an image in base64 is not.
  if (!header && (payload.length < 100 || !base64.test(payload))) return null;
  if (payload.length > Math.ceil((maxUploadBytes * 4) / 3) + 4) {
    throw new ToolInputError(`The image is larger than ${maxUploadBytes / 1024 / 1024} MB`);
  }
  const bytes = Buffer.from(
    payload,
    payload.includes('-') || payload.includes('_') ? 'base64url' : 'base64',
  );
  if (bytes.byteLength === 0) throw new ToolInputError('The base64 image is empty');
  return bytes;
}
