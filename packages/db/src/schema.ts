import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

export * from './auth-schema';
export * from './webhook-schema';

/** Epoch milliseconds; every time column uses it. */
const epochMs = (name: string) => integer(name);

export const tasks = sqliteTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    status: text('status', {
      enum: ['pending', 'processing', 'completed', 'failed', 'canceled'],
    }).notNull(),
    operation: text('operation', {
      enum: [
        'generate',
        'edit',
        'remove-background',
        'style-transfer',
        'enhance',
        'batch-edit',
        'text-to-video',
        'image-to-video',
      ],
    }).notNull(),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    prompt: text('prompt').notNull(),
    aspectRatio: text('aspect_ratio').notNull(),
    count: integer('count').notNull(),
    outputFormat: text('output_format', { enum: ['png', 'jpeg', 'webp'] }).notNull(),
    /** 0.5K, 1K, 2K, 4K (720p, 1080p: videos) where the model offers a choice; else null. */
    resolution: text('resolution', { enum: ['0.5K', '1K', '2K', '4K', '720p', '1080p'] }),
    seed: integer('seed').notNull(),
    /** strict, balanced or permissive where the vendor has a safety filter; null for its default. */
    safety: text('safety', { enum: ['strict', 'balanced', 'permissive'] }),
    assetIds: text('asset_ids', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /** The operation's settings, defaults filled in (strength, returnMask, upscaleFactor, …). */
    options: text('options', { mode: 'json' })
      .$type<Record<string, string | number | boolean>>()
      .notNull()
      .default(sql`'{}'`),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    errorRetryable: integer('error_retryable', { mode: 'boolean' }),
    errorAttempt: integer('error_attempt'),
    attempts: integer('attempts').notNull().default(0),
    /** Total tries allowed (0 and 1 both mean a single try). */
    maxAttempts: integer('max_attempts').notNull().default(3),
    timeoutSeconds: integer('timeout_seconds').notNull().default(600),
    /** After this the task fails with `timeout` instead of running or retrying. */
    deadlineAt: epochMs('deadline_at').notNull().default(0),
    /** A pending task waits until then (a retry's backoff); null means now. */
    nextRunAt: epochMs('next_run_at'),
    /** How many `no_image` answers it had; that class is retried once. */
    noImageCount: integer('no_image_count').notNull().default(0),
    priority: integer('priority').notNull().default(0),
    /** The provider's id for an async job, so a restart can resume it. */
    providerJobId: text('provider_job_id'),
    /**
     * What a verified provider callback said the current job cost (KIE's `creditsConsumed`),
     * until the job completes: kept here so that a restart before the final poll keeps it.
     */
    providerChargeAmount: real('provider_charge_amount'),
    providerChargeUnit: text('provider_charge_unit'),
    /** Things the user should know about the result (a size other than the one asked for, …). */
    warnings: text('warnings', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Other providers to try, in order, when this one fails in a way that is not the request's fault. */
    fallback: text('fallback', { mode: 'json' })
      .$type<{ provider: string; model: string }[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Providers that failed this task before the current one. */
    triedProviders: text('tried_providers', { mode: 'json' })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /** The per-task secret in this task's webhook URL. */
    callbackToken: text('callback_token'),
    owner: text('owner').notNull().default('local'),
    idempotencyKey: text('idempotency_key'),
    /** A hash of the request, to tell a replay from a different request with the same key. */
    requestHash: text('request_hash'),
    /** The variation plan this task belongs to, with the plan's own id for it and its batch. */
    planId: text('plan_id'),
    planItemId: text('plan_item_id'),
    planBatch: integer('plan_batch'),
    /** A fixed wait between tries (a plan's retry_delay_seconds) instead of the backoff. */
    retryDelayMs: integer('retry_delay_ms'),
    /** One provider call may take this long before it fails as `timeout` (a plan's timeout_seconds). */
    attemptTimeoutMs: integer('attempt_timeout_ms'),
    /** What it should cost, from the list price, in `cost_unit`; known when it is accepted. */
    estimatedCost: real('estimated_cost'),
    costUnit: text('cost_unit'),
    /** What it did cost: as the provider reported it, else the estimate (`cost_source`). */
    actualCost: real('actual_cost'),
    costSource: text('cost_source', { enum: ['provider', 'estimate'] }),
    /** When it was starred (a favourite), or null. */
    starredAt: epochMs('starred_at'),
    /** When it went to the trash, or null; the trash empties after a retention period. */
    deletedAt: epochMs('deleted_at'),
    retriedFromId: text('retried_from_id'),
    retriedById: text('retried_by_id'),
    /** The generation this edit continues (its first input image's source): an edit chain's link. */
    parentGenerationId: text('parent_generation_id'),
    createdAt: epochMs('created_at').notNull(),
    updatedAt: epochMs('updated_at').notNull(),
    startedAt: epochMs('started_at'),
    finishedAt: epochMs('finished_at'),
  },
  (t) => [
    // The queue's indexes hold pending tasks only, so finishing a task does not rewrite them.
    // The claim order: highest priority first, then oldest.
    index('tasks_queue_idx')
      .on(t.provider, sql`${t.priority} desc`, t.id)
      .where(sql`${t.status} = 'pending'`),
    // The fair claim: each owner's part of a provider's queue, highest priority first, then oldest.
    index('tasks_fair_queue_idx')
      .on(t.provider, t.owner, sql`${t.priority} desc`, t.id)
      .where(sql`${t.status} = 'pending'`),
    index('tasks_deadline_idx')
      .on(t.deadlineAt)
      .where(sql`${t.status} = 'pending'`),
    index('tasks_next_run_idx')
      .on(t.nextRunAt)
      .where(sql`${t.status} = 'pending'`),
    index('tasks_finished_idx')
      .on(t.finishedAt)
      .where(sql`${t.finishedAt} is not null`),
    uniqueIndex('tasks_idempotency_idx').on(t.owner, t.idempotencyKey),
    // One user's gallery, in id order (the keyset), without reading everyone else's rows.
    index('tasks_owner_idx').on(t.owner, t.id),
    index('tasks_plan_idx')
      .on(t.planId, t.status)
      .where(sql`${t.planId} is not null`),
    // The gallery's filters, each leading to a scan in id order (the keyset).
    index('tasks_gallery_provider_idx').on(t.provider, t.id),
    index('tasks_gallery_starred_idx')
      .on(t.id)
      .where(sql`${t.starredAt} is not null`),
    // An edit chain's children of a generation.
    index('tasks_parent_generation_idx')
      .on(t.parentGenerationId)
      .where(sql`${t.parentGenerationId} is not null`),
    index('tasks_trash_idx')
      .on(t.deletedAt)
      .where(sql`${t.deletedAt} is not null`),
    // The monthly budget check runs on every accept: both sums read these indexes alone.
    index('tasks_spend_idx')
      .on(t.costUnit, t.finishedAt, t.actualCost)
      .where(sql`${t.costUnit} is not null and ${t.finishedAt} is not null`),
    index('tasks_reserved_idx')
      .on(t.costUnit, t.status, t.estimatedCost, t.actualCost)
      .where(sql`${t.costUnit} is not null and ${t.status} in ('pending', 'processing')`),
  ],
);

/** Named boards; an image (its task) can be in several. */
export const collections = sqliteTable(
  'collections',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The user it belongs to; null on rows from before accounts, until the first admin claims them. */
    owner: text('owner'),
    createdAt: epochMs('created_at').notNull(),
  },
  // Names are unique per user; rows from before accounts share the empty owner.
  (t) => [uniqueIndex('collections_owner_name_idx').on(sql`coalesce(${t.owner}, '')`, t.name)],
);

export const collectionItems = sqliteTable(
  'collection_items',
  {
    collectionId: text('collection_id')
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    taskId: text('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    addedAt: epochMs('added_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.collectionId, t.taskId] }),
    index('collection_items_task_idx').on(t.taskId),
  ],
);

/** A variation plan (seed 004): its settings; its progress is read from its tasks. */
export const plans = sqliteTable('plans', {
  id: text('id').primaryKey(),
  /** The plan's own `plan_id`. */
  externalId: text('external_id').notNull(),
  provider: text('provider').notNull(),
  model: text('model').notNull(),
  /** The accepted plan JSON, to export it again. */
  source: text('source', { mode: 'json' }).$type<unknown>().notNull(),
  batchSize: integer('batch_size').notNull(),
  maxConcurrent: integer('max_concurrent').notNull(),
  retryAttempts: integer('retry_attempts').notNull(),
  retryDelaySeconds: integer('retry_delay_seconds').notNull(),
  timeoutSeconds: integer('timeout_seconds').notNull(),
  /** Spend cap in `cost_unit`; null for none. */
  budget: real('budget'),
  costUnit: text('cost_unit'),
  estimate: real('estimate'),
  /** Why it stopped early: canceled, or its spend reached the budget. */
  stoppedReason: text('stopped_reason', { enum: ['canceled', 'budget'] }),
  /** The user it belongs to; null on rows from before accounts, until the first admin claims them. */
  owner: text('owner'),
  createdAt: epochMs('created_at').notNull(),
  updatedAt: epochMs('updated_at').notNull(),
});

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
    /** A video's length; null for an image. */
    durationMs: integer('duration_ms'),
    /** Gemini's `thoughtSignature` on the image part, sent back when an edit continues from it. */
    thoughtSignature: text('thought_signature'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    index('generations_task_idx').on(t.taskId, t.index),
    index('generations_sha_idx').on(t.sha256),
    // Who may read a stored file: looked up by its key on every `/files` request.
    index('generations_file_idx').on(t.file),
    index('generations_thumb_idx').on(t.thumbFile),
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
    /** The uploaded file's name, so a plan can name its reference image by it. */
    name: text('name'),
    /** The generation it was made from (`asset.fromGeneration`), or null for an upload. */
    sourceGenerationId: text('source_generation_id'),
    /** The user it belongs to; null on rows from before accounts, until the first admin claims them. */
    owner: text('owner'),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    index('assets_sha_idx').on(t.sha256),
    index('assets_name_idx').on(t.name),
    index('assets_file_idx').on(t.file),
  ],
);

/** Paused scopes of the queue: `*` for everything, or a provider id. */
export const queuePauses = sqliteTable('queue_pauses', {
  scope: text('scope').primaryKey(),
  pausedAt: epochMs('paused_at').notNull(),
});

/** Append-only log of task changes; `seq` is the subscription cursor. */
export const taskEvents = sqliteTable(
  'task_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    taskId: text('task_id').notNull(),
    /** The task's owner, so a user's replay reads only their own events. */
    owner: text('owner').notNull().default('local'),
    type: text('type').notNull(),
    snapshot: text('snapshot').notNull(),
    createdAt: epochMs('created_at').notNull(),
  },
  (t) => [
    index('task_events_task_idx').on(t.taskId, t.seq),
    index('task_events_owner_idx').on(t.owner, t.seq),
  ],
);

export type TaskRow = typeof tasks.$inferSelect;
export type NewTaskRow = typeof tasks.$inferInsert;
export type GenerationRow = typeof generations.$inferSelect;
export type AssetRow = typeof assets.$inferSelect;
export type QueuePauseRow = typeof queuePauses.$inferSelect;
export type TaskEventRow = typeof taskEvents.$inferSelect;
export type PlanRow = typeof plans.$inferSelect;
export type CollectionRow = typeof collections.$inferSelect;
