import {
  emptyTrash,
  galleryQuery,
  idsInput,
  listGallery,
  restoreTasks,
  starInput,
  starTasks,
  trashTasks,
} from '@genhub/core';
import { publicProcedure, router } from '../trpc/init';

/** The gallery. A generation is one request (a task) and the images it made. */
export const generationRouter = router({
  /** Filtered, searched, keyset-paginated; `lastEventId` is the cursor to subscribe from. */
  list: publicProcedure.input(galleryQuery).query(({ ctx, input }) => listGallery(ctx.core, input)),
  star: publicProcedure
    .input(starInput)
    .mutation(({ ctx, input }) => ({ changed: starTasks(ctx.core, input.ids, input.starred) })),
  /** To the trash (undo with `restore`); the trash empties after TRASH_RETENTION_DAYS. */
  delete: publicProcedure
    .input(idsInput)
    .mutation(({ ctx, input }) => ({ changed: trashTasks(ctx.core, input.ids) })),
  restore: publicProcedure
    .input(idsInput)
    .mutation(({ ctx, input }) => ({ changed: restoreTasks(ctx.core, input.ids) })),
  emptyTrash: publicProcedure.mutation(async ({ ctx }) => ({
    deleted: await emptyTrash(ctx.core),
  })),
});
