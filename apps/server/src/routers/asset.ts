import { z } from 'zod';
import { assetFromGeneration, findAssets } from '@genhub/core';
import { router } from '../trpc/init';
import { generateProcedure, readProcedure } from '../trpc/procedures';

export const assetRouter = router({
  /** Uploaded reference images by id (unknown ids are left out). */
  byIds: readProcedure
    .input(z.object({ ids: z.array(z.string().min(1)).max(20) }))
    .query(({ ctx, input }) => findAssets(ctx.core, input.ids)),
  /** A generated image as a reference image for a new edit ("use as reference"). */
  fromGeneration: generateProcedure
    .input(z.object({ generationId: z.string().min(1) }))
    .mutation(({ ctx, input }) => assetFromGeneration(ctx.core, input.generationId)),
});
