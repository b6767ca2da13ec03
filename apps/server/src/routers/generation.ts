import { appContract } from '@genhub/api';
import { emptyTrash, listGallery, restoreTasks, starTasks, trashTasks } from '@genhub/core';
import { router } from '../trpc/init';
import { generateProcedure, readProcedure } from '../trpc/procedures';

type Builder = typeof readProcedure;
const { generation: c } = appContract;

/**
 * The gallery's procedures. A generation is one request (a task) and the images it made. With
 * the read and generate builders they act on the caller's own tasks; the admin view passes the
 * admin builder for both, and acts on everyone's.
 */
export const galleryProcedures = (read: Builder, change: Builder) => ({
  /** Filtered, searched, keyset-paginated; `lastEventId` is the cursor to subscribe from. */
  list: read
    .input(c.list.input)
    .output(c.list.output)
    .query(({ ctx, input }) => listGallery(ctx.core, input)),
  star: change
    .input(c.star.input)
    .output(c.star.output)
    .mutation(async ({ ctx, input }) => ({
      changed: await starTasks(ctx.core, input.ids, input.starred),
    })),
  /** To the trash (undo with `restore`); the trash empties after TRASH_RETENTION_DAYS. */
  delete: change
    .input(c.delete.input)
    .output(c.delete.output)
    .mutation(async ({ ctx, input }) => ({ changed: await trashTasks(ctx.core, input.ids) })),
  restore: change
    .input(c.restore.input)
    .output(c.restore.output)
    .mutation(async ({ ctx, input }) => ({ changed: await restoreTasks(ctx.core, input.ids) })),
  emptyTrash: change.output(c.emptyTrash.output).mutation(async ({ ctx }) => ({
    deleted: await emptyTrash(ctx.core),
  })),
});

export const generationRouter = router(galleryProcedures(readProcedure, generateProcedure));
