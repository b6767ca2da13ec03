import { asc, eq, sql } from 'drizzle-orm';
import { generations, taskEvents, tasks, type Db } from '@genhub/db';

/** The columns a new task row sets; the rest take their defaults. */
export const insertedColumns = [
  'id',
  'status',
  'operation',
  'provider',
  'model',
  'prompt',
  'aspectRatio',
  'count',
  'outputFormat',
  'seed',
  'assetIds',
  'priority',
  'maxAttempts',
  'timeoutSeconds',
  'deadlineAt',
  'owner',
  'idempotencyKey',
  'requestHash',
  'retriedFromId',
  'createdAt',
  'updatedAt',
] as const;

const generationColumns = [
  'id',
  'taskId',
  'index',
  'file',
  'thumbFile',
  'width',
  'height',
  'mime',
  'bytes',
  'sha256',
  'createdAt',
] as const;

function prepare(db: Db) {
  return {
    taskById: db
      .select()
      .from(tasks)
      .where(eq(tasks.id, sql.placeholder('id')))
      .prepare(),
    generationsOfTask: db
      .select()
      .from(generations)
      .where(eq(generations.taskId, sql.placeholder('taskId')))
      .orderBy(asc(generations.index))
      .prepare(),
    insertTask: db
      .insert(tasks)
      .values(
        Object.fromEntries(
          insertedColumns.map((column) => [column, sql.placeholder(column)]),
        ) as unknown as typeof tasks.$inferInsert, // placeholders stand in for every value
      )
      .returning()
      .prepare(),
    insertGeneration: db
      .insert(generations)
      .values(
        Object.fromEntries(
          generationColumns.map((column) => [column, sql.placeholder(column)]),
        ) as unknown as typeof generations.$inferInsert, // placeholders stand in for every value
      )
      .prepare(),
    appendEvent: db
      .insert(taskEvents)
      .values({
        taskId: sql.placeholder('taskId'),
        type: sql.placeholder('type'),
        snapshot: sql.placeholder('snapshot'),
        createdAt: sql.placeholder('createdAt'),
      })
      .returning({ seq: taskEvents.seq })
      .prepare(),
  };
}

const cache = new WeakMap<Db, ReturnType<typeof prepare>>();

/**
 * The statements every task change runs, compiled once per connection. better-sqlite3 has
 * one connection and runs synchronously, so they also run inside an open transaction.
 */
export function taskStatements(db: Db): ReturnType<typeof prepare> {
  let statements = cache.get(db);
  if (!statements) {
    statements = prepare(db);
    cache.set(db, statements);
  }
  return statements;
}
