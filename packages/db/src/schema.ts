import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Epoch milliseconds; every time column uses it. */
const epochMs = (name: string) => integer(name);

export const tasks = sqliteTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    status: text('status', {
      enum: ['pending', 'processing', 'completed', 'failed', 'canceled'],
    }).notNull(),
    operation: text('operation', { enum: ['generate', 'edit'] }).notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    prompt: text('prompt').notNull(),
    aspectRatio: text('aspect_ratio').notNull(),
    count: integer('count').notNull(),
    outputFormat: text('output_format', { enum: ['png', 'jpeg', 'webp'] }).notNull(),
    seed: integer('seed').notNull(),
    assetIds: text('asset_ids', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
    startedAt: epochMs('started_at'),
    finishedAt: epochMs('finished_at'),
  },
  (t) => [
    index('tasks_status_provider_idx').on(t.status, t.provider, t.id),
    index('tasks_created_idx').on(t.createdAt, t.id),
  ],
);

export const generations = sqliteTable(
  'generations',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    index: integer('idx').notNull(),
    file: text('file').notNull(),
    thumbFile: text('thumb_file').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    mime: text('mime').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    index('generations_task_idx').on(t.taskId, t.index),
    index('generations_sha_idx').on(t.sha256),
  ],
);

export const assets = sqliteTable(
  'assets',
  {
    id: text('id').primaryKey(),
    file: text('file').notNull(),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [index('assets_sha_idx').on(t.sha256)],
);

/** Append-only log of task changes; `seq` is the subscription cursor. */
export const taskEvents = sqliteTable(
  'task_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    taskId: text('task_id').notNull(),
    type: text('type').notNull(),
    snapshot: text('snapshot').notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [index('task_events_task_idx').on(t.taskId, t.seq)],
);

export type TaskRow = typeof tasks.$inferSelect;
export type NewTaskRow = typeof tasks.$inferInsert;
export type GenerationRow = typeof generations.$inferSelect;
export type AssetRow = typeof assets.$inferSelect;
export type TaskEventRow = typeof taskEvents.$inferSelect;
