import { asc, eq, sql } from 'drizzle-orm';
import { generations, taskEvents, tasks, type Db } from '@genhub/db';

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
