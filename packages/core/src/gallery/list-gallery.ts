import {
  and,
  asc,
  desc,
  eq,
  exists,
  getTableColumns,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  notInArray,
  sql,
  type Column,
  type SQL,
} from 'drizzle-orm';
import { collectionItems, tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { headSeq } from '../events/read-events-since';
import { idPrefixAt } from '../ids';
import { galleryQuery, videoOperations, type GalleryQuery, type TaskPage } from '../schemas';
import { ownerCondition } from '../owners';
import { loadTasks } from '../tasks/load-task';
import { searchTerms, tasksFts } from './search-condition';

/** `column = value` when a filter is given. */
const eqIf = <T>(column: Column, value: T | undefined) =>
  value === undefined ? undefined : eq(column, value);

/**
 * The gallery: tasks with their images, filtered, searched and keyset-paginated by id (ids
 * are time-ordered, so a date range is an id range too), without the tasks a retry replaced.
 * Also returns the event cursor the page was read at, to subscribe from without missing a
 * change.
 */
export function listGallery(ctx: CoreContext, rawInput: GalleryQuery = {}): TaskPage {
  const input = galleryQuery.parse(rawInput);
  const terms = searchTerms(input.search ?? '');
  const where: (SQL | undefined)[] = [
    ownerCondition(ctx, tasks.owner),
    input.trash ? isNotNull(tasks.deletedAt) : isNull(tasks.deletedAt),
    // A retried task is replaced by its retry, which reaches it through `retriedFromId`. Few
    // rows have it set, so this is a check on each row the chosen index yields, not a scan.
    isNull(tasks.retriedById),
    eqIf(tasks.status, input.status),
    eqIf(tasks.provider, input.provider),
    eqIf(tasks.model, input.model),
    eqIf(tasks.operation, input.operation),
    input.media === undefined
      ? undefined
      : (input.media === 'video' ? inArray : notInArray)(tasks.operation, [...videoOperations]),
    eqIf(tasks.aspectRatio, input.aspectRatio),
    eqIf(tasks.planId, input.planId),
    input.starred === undefined
      ? undefined
      : input.starred
        ? isNotNull(tasks.starredAt)
        : isNull(tasks.starredAt),
    input.from === undefined ? undefined : gte(tasks.id, idPrefixAt(input.from)),
    input.to === undefined ? undefined : lt(tasks.id, idPrefixAt(input.to)),
    input.collectionId
      ? exists(
          ctx.db
            .select({ one: sql`1` })
            .from(collectionItems)
            .where(
              and(
                eq(collectionItems.collectionId, input.collectionId),
                eq(collectionItems.taskId, tasks.id),
              ),
            ),
        )
      : undefined,
    ...terms.substrings,
  ];
  const newest = input.sort === 'newest';
  return ctx.db.transaction((tx) => {
    const rows = terms.match
      ? // Driven by the prompt index in its rowid order (the order tasks were stored in, which
        // is their id order), so a page stops after `limit` matches instead of collecting all.
        tx
          .select(getTableColumns(tasks))
          .from(tasksFts)
          // CROSS JOIN fixes the order: the index outside, tasks looked up by rowid. Left to
          // itself the planner may scan tasks by a filter's index and run the full-text query
          // once per row, which at 100,000 rows takes minutes.
          .crossJoin(tasks)
          .where(
            and(
              eq(sql`${tasks}.rowid`, tasksFts.rowid),
              sql`${tasksFts} match ${terms.match}`,
              input.cursor
                ? (newest ? lt : gt)(
                    tasksFts.rowid,
                    sql`(select rowid from ${tasks} where ${tasks.id} = ${input.cursor})`,
                  )
                : undefined,
              ...where,
            ),
          )
          .orderBy(newest ? desc(tasksFts.rowid) : asc(tasksFts.rowid))
          .limit(input.limit + 1)
          .all()
      : tx
          .select()
          .from(tasks)
          .where(
            and(input.cursor ? (newest ? lt : gt)(tasks.id, input.cursor) : undefined, ...where),
          )
          .orderBy(newest ? desc(tasks.id) : asc(tasks.id))
          .limit(input.limit + 1)
          .all();
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return {
      items: loadTasks(tx, ctx.storage, page),
      nextCursor: rows.length > input.limit && last ? last.id : null,
      lastEventId: String(headSeq(tx)),
    };
  });
}
