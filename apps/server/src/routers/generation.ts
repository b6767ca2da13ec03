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
import { router } from '../trpc/init';
import { generateProcedure, readProcedure } from '../trpc/procedures';

/** The gallery. A generation is one request (a task) and the images it made. */
export const generationRouter = router({
  /** Filtered, searched, keyset-paginated; `lastEventId` is the cursor to subscribe from. */
  list: readProcedure.input(galleryQuery).query(({ ctx, input }) => listGallery(ctx.core, input)),
  star: generateProcedure
    .input(starInput)
    .mutation(({ ctx, input }) => ({ changed: starTasks(ctx.core, input.ids, input.starred) })),
  /** To the trash (undo with `restore`); the trash empties after TRASH_RETENTION_DAYS. */
  delete: generateProcedure
    .input(idsInput)
    .mutation(({ ctx, input }) => ({ changed: trashTasks(ctx.core, input.ids) })),
  restore: generateProcedure
    .input(idsInput)
    .mutation(({ ctx, input }) => ({ changed: restoreTasks(ctx.core, input.ids) })),
  emptyTrash: generateProcedure.mutation(async ({ ctx }) => ({
    deleted: await emptyTrash(ctx.core),
  })),
});
