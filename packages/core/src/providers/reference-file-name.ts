import { imageExtensions } from '../ingest/sniff-image';
import { acceptedImageMimes } from '../schemas';
import type { ReferenceImage } from './types';

/** A name to upload a reference under: `stem` and the extension of its format. */
export function referenceFileName(reference: ReferenceImage, stem: string): string {
  const mime = acceptedImageMimes.find((m) => m === reference.mime);
  return `${stem}.${mime ? imageExtensions[mime] : 'png'}`;
}
