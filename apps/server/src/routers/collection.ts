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
import { publicProcedure, router } from '../trpc/init';

const collectionId = z.object({ id: z.string().min(1) });

export const collectionRouter = router({
  list: publicProcedure.query(({ ctx }) => listCollections(ctx.core)),
  create: publicProcedure
    .input(z.object({ name: collectionName }))
    .mutation(({ ctx, input }) => createCollection(ctx.core, input.name)),
  rename: publicProcedure
    .input(collectionId.extend({ name: collectionName }))
    .mutation(({ ctx, input }) => renameCollection(ctx.core, input.id, input.name)),
  delete: publicProcedure.input(collectionId).mutation(({ ctx, input }) => {
    deleteCollection(ctx.core, input.id);
    return { ok: true };
  }),
  add: publicProcedure.input(collectionItemsInput).mutation(({ ctx, input }) => ({
    changed: setInCollection(ctx.core, input.collectionId, input.ids, true),
  })),
  remove: publicProcedure.input(collectionItemsInput).mutation(({ ctx, input }) => ({
    changed: setInCollection(ctx.core, input.collectionId, input.ids, false),
  })),
});
