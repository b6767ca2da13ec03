import { z } from 'zod';

export const acceptedImageMimes = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const maxUploadBytes = 10 * 1024 * 1024;

export const asset = z.object({
  id: z.string(),
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  mime: z.enum(acceptedImageMimes),
  bytes: z.number().int(),
  /** The uploaded file's name ("photo.png"); null for an image made here or sent without one. */
  name: z.string().nullable(),
});
export type Asset = z.infer<typeof asset>;
