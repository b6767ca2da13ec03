import { z } from 'zod';
import {
  collectionItemsInput,
  collectionName,
  createCollection,
  deleteCollection,
  listCollections,
  renameCollection,
  setInCollection,
} from '@genhub/core';
import { router } from '../trpc/init';
import { generateProcedure, readProcedure } from '../trpc/procedures';

const collectionId = z.object({ id: z.string().min(1) });

export const collectionRouter = router({
  list: readProcedure.query(({ ctx }) => listCollections(ctx.core)),
  create: generateProcedure
    .input(z.object({ name: collectionName }))
    .mutation(({ ctx, input }) => createCollection(ctx.core, input.name)),
  rename: generateProcedure
    .input(collectionId.extend({ name: collectionName }))
    .mutation(({ ctx, input }) => renameCollection(ctx.core, input.id, input.name)),
  delete: generateProcedure.input(collectionId).mutation(({ ctx, input }) => {
    deleteCollection(ctx.core, input.id);
    return { ok: true };
  }),
  add: generateProcedure.input(collectionItemsInput).mutation(({ ctx, input }) => ({
    changed: setInCollection(ctx.core, input.collectionId, input.ids, true),
  })),
  remove: generateProcedure.input(collectionItemsInput).mutation(({ ctx, input }) => ({
    changed: setInCollection(ctx.core, input.collectionId, input.ids, false),
  })),
});
