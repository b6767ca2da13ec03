import { acceptedImageMimes, asset, idsInput, maxUploadBytes } from '@genhub/core/schemas';
import { z } from 'zod';

/** Where a file key is served: `/files/<key>`, the key as it appears in image URLs. */
export const filesPrefix = '/files/';

/**
 * The plain HTTP routes beside tRPC. Each names its method, path, what it takes and what it
 * answers; failures answer with `errorEnvelope`.
 */
export const httpContract = {
  /** Uploads a reference image: multipart/form-data with one field `file`. */
  uploadAsset: {
    method: 'POST',
    path: '/api/assets',
    field: 'file',
    accepts: acceptedImageMimes,
    maxBytes: maxUploadBytes,
    scope: 'generate',
    response: asset,
  },
  /**
   * The originals of some generations as one ZIP (application/zip): `ids` as a JSON array, or
   * comma-separated in a form field so a plain form can start the download.
   */
  exportZip: {
    method: 'POST',
    path: '/api/export/zip',
    scope: 'read',
    body: z
      .object({ ids: z.union([z.array(z.string()), z.string()]) })
      .transform(({ ids }) => ({
        ids: typeof ids === 'string' ? ids.split(',').filter(Boolean) : ids,
      }))
      .pipe(idsInput),
  },
  /** A generated image, thumbnail or upload by its key (ranges, ETag, cached for good). */
  file: {
    method: 'GET',
    path: `${filesPrefix}:key`,
    scope: 'read',
    params: z.object({ key: z.string().min(1).max(300) }),
  },
} as const;
