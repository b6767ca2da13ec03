import {
  and,
  asc,
  desc,
  eq,
  exists,
  getTableColumns,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  notInArray,
  sql,
  type Column,
  type SQL,
} from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { TaskRow } from '../schema';
import type { GalleryFilter, GalleryPageRequest } from './gallery-filter';
import { containsPattern, searchWords } from './search-words';
import { tasksFts } from './tasks-fts';

/** `column = value` when a filter is given. */
const eqIf = <T>(column: Column, value: T | undefined) =>
  value === undefined ? undefined : eq(column, value);

/** SQLite's trigram index matches words of three characters or more. */
const minIndexedLength = 3;

/** One word as an FTS5 string: its operators, column filters and quotes mean nothing there. */
const ftsString = (word: string) => `"${word.replaceAll('"', '""')}"`;

function filterConditions({ db, t }: DataSource, filter: GalleryFilter): (SQL | undefined)[] {
  const { tasks, collectionItems } = t;
  const { operations } = filter;
  return [
    eqIf(tasks.owner, filter.owner),
    filter.trash ? isNotNull(tasks.deletedAt) : isNull(tasks.deletedAt),
    // A retried task is replaced by its retry, which reaches it through `retriedFromId`. Few
    // rows have it set, so this is a check on each row the chosen index yields, not a scan.
    isNull(tasks.retriedById),
    eqIf(tasks.status, filter.status),
    eqIf(tasks.provider, filter.provider),
    eqIf(tasks.model, filter.model),
    eqIf(tasks.operation, filter.operation),
    operations === undefined
      ? undefined
      : 'in' in operations
        ? inArray(tasks.operation, [...operations.in])
        : notInArray(tasks.operation, [...operations.notIn]),
    eqIf(tasks.aspectRatio, filter.aspectRatio),
    eqIf(tasks.planId, filter.planId),
    filter.starred === undefined
      ? undefined
      : filter.starred
        ? isNotNull(tasks.starredAt)
        : isNull(tasks.starredAt),
    filter.fromId === undefined ? undefined : gte(tasks.id, filter.fromId),
    filter.toId === undefined ? undefined : lt(tasks.id, filter.toId),
    filter.collectionId === undefined
      ? undefined
      : exists(
          db
            .select({ one: sql`1` })
            .from(collectionItems)
            .where(
              and(
                eq(collectionItems.collectionId, filter.collectionId),
                eq(collectionItems.taskId, tasks.id),
              ),
            ),
        ),
  ];
}

/**
 * The prompt search: on SQLite, the FTS5 query for the words its index can match (or null)
 * and substring conditions for the shorter ones; on PostgreSQL, every word as a
 * case-insensitive substring, which the `pg_trgm` index serves.
 */
function promptSearch(data: DataSource, search: string | undefined) {
  const words = searchWords(search ?? '');
  const { prompt } = data.t.tasks;
  if (data.dialect === 'pg') {
    return { match: null, conditions: words.map((word) => ilike(prompt, containsPattern(word))) };
  }
  const indexed = words.filter((word) => [...word].length >= minIndexedLength);
  return {
    match: indexed.length > 0 ? indexed.map(ftsString).join(' ') : null,
    conditions: words
      .filter((word) => [...word].length < minIndexedLength)
      .map((word) => sql`${prompt} like ${containsPattern(word)} escape '\\'`),
  };
}

/** The query of a gallery page: `limit` + 1 rows, the last only telling that more follow. */
export function galleryRowsQuery(data: DataSource, request: GalleryPageRequest) {
  const { db, t } = data;
  const { tasks } = t;
  const search = promptSearch(data, request.search);
  const where = [...filterConditions(data, request), ...search.conditions];
  const { cursor, newest, limit } = request;
  return search.match
    ? // Driven by the prompt index in its rowid order (the order tasks were stored in, which
      // is their id order), so a page stops after `limit` matches instead of collecting all.
      db
        .select(getTableColumns(tasks))
        .from(tasksFts)
        // CROSS JOIN fixes the order: the index outside, tasks looked up by rowid. Left to
        // itself the planner may scan tasks by a filter's index and run the full-text query
        // once per row, which at 100,000 rows takes minutes.
        .crossJoin(tasks)
        .where(
          and(
            eq(sql`${tasks}.rowid`, tasksFts.rowid),
            sql`${tasksFts} match ${search.match}`,
            cursor === undefined
              ? undefined
              : (newest ? lt : gt)(
                  tasksFts.rowid,
                  sql`(select rowid from ${tasks} where ${tasks.id} = ${cursor})`,
                ),
            ...where,
          ),
        )
        .orderBy(newest ? desc(tasksFts.rowid) : asc(tasksFts.rowid))
        .limit(limit + 1)
    : db
        .select()
        .from(tasks)
        .where(
          and(cursor === undefined ? undefined : (newest ? lt : gt)(tasks.id, cursor), ...where),
        )
        .orderBy(newest ? desc(tasks.id) : asc(tasks.id))
        .limit(limit + 1);
}

/**
 * A gallery page of task rows, filtered, searched and keyset-paginated by id (ids are
 * time-ordered), and the cursor of the next page when there is one.
 */
export async function listGalleryRows(
  data: DataSource,
  request: GalleryPageRequest,
): Promise<{ rows: TaskRow[]; nextCursor: string | null }> {
  const read: TaskRow[] = await galleryRowsQuery(data, request);
  const rows = read.slice(0, request.limit);
  const last = rows.at(-1);
  return { rows, nextCursor: read.length > request.limit && last ? last.id : null };
}
