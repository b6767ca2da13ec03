import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { collectionItems, generations, tasks, type Db } from '@genhub/db';
import { perConnection, placeholders } from '../per-connection';

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
  'resolution',
  'seed',
  'safety',
  'assetIds',
  'options',
  'priority',
  'maxAttempts',
  'timeoutSeconds',
  'deadlineAt',
  'owner',
  'idempotencyKey',
  'requestHash',
  'retriedFromId',
  'parentGenerationId',
  'planId',
  'planItemId',
  'planBatch',
  'retryDelayMs',
  'attemptTimeoutMs',
  'estimatedCost',
  'costUnit',
  'fallback',
  'createdAt',
  'updatedAt',
] as const;

/**
 * A generation's columns as tasks show them: without the provider's context for continuing
 * from it (a Gemini thought signature runs to kilobytes, and only the next turn reads it).
 */
export const shownGenerationColumns = (({ thoughtSignature: _context, ...shown }) => shown)(
  getTableColumns(generations),
);

function prepare(db: Db) {
  return {
    taskById: db
      .select()
      .from(tasks)
      .where(eq(tasks.id, sql.placeholder('id')))
      .prepare(),
    generationsOfTask: db
      .select(shownGenerationColumns)
      .from(generations)
      .where(eq(generations.taskId, sql.placeholder('taskId')))
      .orderBy(asc(generations.index))
      .prepare(),
    collectionsOfTask: db
      .select({ collectionId: collectionItems.collectionId })
      .from(collectionItems)
      .where(eq(collectionItems.taskId, sql.placeholder('taskId')))
      .prepare(),
    insertTask: db.insert(tasks).values(placeholders(insertedColumns)).returning().prepare(),
  };
}

/**
 * The statements every task change runs, compiled once per connection. better-sqlite3 has
 * one connection and runs synchronously, so they also run inside an open transaction.
 */
export const taskStatements = perConnection(prepare);
