import { listGalleryRows, readHeadSeq, type GalleryFilter } from '@genhub/db';
import type { CoreContext } from '../context';
import { idPrefixAt } from '../ids';
import { galleryQuery, videoOperations, type GalleryQuery, type TaskPage } from '../schemas';
import { readTasks } from '../tasks/load-task';

/** The media filter as operations: videos are made by the video operations, images by the rest. */
function operationsOf(media: GalleryQuery['media']): GalleryFilter['operations'] {
  if (media === undefined) return undefined;
  return media === 'video' ? { in: videoOperations } : { notIn: videoOperations };
}

/**
 * The gallery: tasks with their images, filtered, searched and keyset-paginated by id (ids
 * are time-ordered, so a date range is an id range too), without the tasks a retry replaced.
 * Also returns the event cursor to subscribe from without missing a change: it is read before
 * the page, so whatever changes after the page was read is replayed from it.
 */
export async function listGallery(
  ctx: CoreContext,
  rawInput: GalleryQuery = {},
): Promise<TaskPage> {
  const input = galleryQuery.parse(rawInput);
  const head = await readHeadSeq(ctx.data);
  const page = await listGalleryRows(ctx.data, {
    owner: ctx.owner,
    trash: input.trash,
    status: input.status,
    provider: input.provider,
    model: input.model,
    operation: input.operation,
    operations: operationsOf(input.media),
    aspectRatio: input.aspectRatio,
    planId: input.planId,
    starred: input.starred,
    fromId: input.from === undefined ? undefined : idPrefixAt(input.from),
    toId: input.to === undefined ? undefined : idPrefixAt(input.to),
    collectionId: input.collectionId,
    search: input.search,
    cursor: input.cursor ?? undefined,
    newest: input.sort === 'newest',
    limit: input.limit,
  });
  return {
    items: await readTasks(ctx.data, ctx.storage, page.rows),
    nextCursor: page.nextCursor,
    lastEventId: String(head),
  };
}
