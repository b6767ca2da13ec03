import { z } from 'zod';
import { mediaKinds, operation } from './operation';
import { aspectRatio, taskStatus } from './task';

/** One gallery query: filters, search and a keyset cursor. Every field is optional. */
export const galleryQuery = z.object({
  cursor: z.string().min(1).nullish(),
  limit: z.number().int().min(1).max(100).default(60),
  sort: z.enum(['newest', 'oldest']).default('newest'),
  /** Words of the prompt; each must appear (3+ characters by index, shorter by substring). */
  search: z.string().trim().max(200).optional(),
  status: taskStatus.optional(),
  provider: z.string().min(1).optional(),
  model: z.string().min(1).optional(),
  operation: operation.optional(),
  /** Images or videos only (by operation). */
  media: z.enum(mediaKinds).optional(),
  aspectRatio: aspectRatio.optional(),
  /** Created at or after (epoch ms). */
  from: z.number().int().nonnegative().optional(),
  /** Created before (epoch ms). */
  to: z.number().int().nonnegative().optional(),
  planId: z.string().min(1).optional(),
  collectionId: z.string().min(1).optional(),
  starred: z.boolean().optional(),
  /** The trash instead of the gallery. */
  trash: z.boolean().default(false),
});
export type GalleryQuery = z.input<typeof galleryQuery>;

export const idsInput = z.object({ ids: z.array(z.string().min(1)).min(1).max(10_000) });
export const starInput = idsInput.extend({ starred: z.boolean() });

export const collection = z.object({
  id: z.string(),
  name: z.string(),
  count: z.number().int(),
  createdAt: z.number(),
});
export type Collection = z.infer<typeof collection>;

export const collectionName = z.string().trim().min(1, 'Name the collection').max(80);
export const collectionItemsInput = idsInput.extend({ collectionId: z.string().min(1) });
