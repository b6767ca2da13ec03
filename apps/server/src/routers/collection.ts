import { appContract } from '@genhub/api';
import {
  createCollection,
  deleteCollection,
  listCollections,
  renameCollection,
  setInCollection,
} from '@genhub/core';
import { router } from '../trpc/init';
import { generateProcedure, readProcedure } from '../trpc/procedures';

const { collection: c } = appContract;

export const collectionRouter = router({
  list: readProcedure.output(c.list.output).query(({ ctx }) => listCollections(ctx.core)),
  create: generateProcedure
    .input(c.create.input)
    .output(c.create.output)
    .mutation(({ ctx, input }) => createCollection(ctx.core, input.name)),
  rename: generateProcedure
    .input(c.rename.input)
    .output(c.rename.output)
    .mutation(({ ctx, input }) => renameCollection(ctx.core, input.id, input.name)),
  delete: generateProcedure
    .input(c.delete.input)
    .output(c.delete.output)
    .mutation(async ({ ctx, input }) => {
      await deleteCollection(ctx.core, input.id);
      return { ok: true as const };
    }),
  add: generateProcedure
    .input(c.add.input)
    .output(c.add.output)
    .mutation(async ({ ctx, input }) => ({
      changed: await setInCollection(ctx.core, input.collectionId, input.ids, true),
    })),
  remove: generateProcedure
    .input(c.remove.input)
    .output(c.remove.output)
    .mutation(async ({ ctx, input }) => ({
      changed: await setInCollection(ctx.core, input.collectionId, input.ids, false),
    })),
});
