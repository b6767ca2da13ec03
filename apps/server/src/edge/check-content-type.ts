import type { Refusal } from './refusal';

/**
 * tRPC calls that change something take JSON only. tRPC's adapter also takes
 * `multipart/form-data` (and `text/plain` would follow), which a page on any origin can
 * send without a CORS preflight.
 */
export function checkContentType(contentType: string | undefined): Refusal | null {
  const mediaType = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType === 'application/json') return null;
  return {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    trpcCode: 'UNSUPPORTED_MEDIA_TYPE',
    message: `tRPC calls take JSON only: send Content-Type: application/json (got ${
      contentType ? `"${contentType}"` : 'none'
    })`,
  };
}
