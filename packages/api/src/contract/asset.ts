import { asset } from '@genhub/core/schemas';
import { z } from 'zod';
import { mutation, query } from './procedure-contract';

export const assetContract = {
  /** Uploaded reference images by id (unknown ids are left out). */
  byIds: query({
    input: z.object({ ids: z.array(z.string().min(1)).max(20) }),
    output: z.array(asset),
  }),
  /** A generated image as a reference image for a new edit ("use as reference"). */
  fromGeneration: mutation({
    input: z.object({ generationId: z.string().min(1) }),
    output: asset,
  }),
};
