import type { ReferenceImage } from './types';

/** Up to this size a reference may travel inline as a data URI; larger ones are uploaded. */
export const inlineReferenceLimitBytes = 1_000_000;

export interface ReferenceEncoding {
  /** A URL the vendor can fetch a reference from (with `PUBLIC_BASE_URL`), used whatever its size. */
  referenceUrl?: ((reference: ReferenceImage) => string) | undefined;
  /** Puts a reference too large to inline in the vendor's own file store; resolves to its URL. */
  upload: (reference: ReferenceImage, signal: AbortSignal) => Promise<string>;
}

/** A reference as a `data:` URI. */
export function dataUri(reference: ReferenceImage): string {
  return `data:${reference.mime};base64,${reference.bytes.toString('base64')}`;
}

/**
 * What a vendor gets for each reference, in order: our public URL when we have one, else a
 * data URI for a small file and an upload to the vendor's file store for a large one.
 */
export function encodeReferences(
  references: ReferenceImage[],
  encoding: ReferenceEncoding,
  signal: AbortSignal,
): Promise<string[]> {
  return Promise.all(
    references.map(async (reference) => {
      if (encoding.referenceUrl) return encoding.referenceUrl(reference);
      if (reference.bytes.length <= inlineReferenceLimitBytes) return dataUri(reference);
      return encoding.upload(reference, signal);
    }),
  );
}
