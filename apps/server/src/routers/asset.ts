import { appContract } from '@genhub/api';
import { assetFromGeneration, findAssets } from '@genhub/core';
import { router } from '../trpc/init';
import { generateProcedure, readProcedure } from '../trpc/procedures';

const { asset: c } = appContract;

export const assetRouter = router({
  /** Uploaded reference images by id (unknown ids are left out). */
  byIds: readProcedure
    .input(c.byIds.input)
    .output(c.byIds.output)
    .query(({ ctx, input }) => findAssets(ctx.core, input.ids)),
  /** A generated image as a reference image for a new edit ("use as reference"). */
  fromGeneration: generateProcedure
    .input(c.fromGeneration.input)
    .output(c.fromGeneration.output)
    .mutation(({ ctx, input }) => assetFromGeneration(ctx.core, input.generationId)),
});
