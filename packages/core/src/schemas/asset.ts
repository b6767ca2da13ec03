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
});
export type Asset = z.infer<typeof asset>;
