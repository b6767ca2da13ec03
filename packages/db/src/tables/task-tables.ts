import { sql } from 'drizzle-orm';
import { col } from '../columns/column-spec';
import { index, primaryKey, tableSpec, uniqueIndex } from '../columns/table-spec';

export const tasks = tableSpec(
  'tasks',
  {
    id: col.text('id').primaryKey(),
    status: col
      .enum('status', ['pending', 'processing', 'completed', 'failed', 'canceled'])
      .notNull(),
    operation: col
      .enum('operation', [
        'generate',
        'edit',
        'remove-background',
        'style-transfer',
        'enhance',
        'batch-edit',
        'text-to-video',
        'image-to-video',
      ])
      .notNull(),
    provider: col.text('provider').notNull(),
    model: col.text('model').notNull(),
    prompt: col.text('prompt').notNull(),
    aspectRatio: col.text('aspect_ratio').notNull(),
    count: col.int('count').notNull(),
    outputFormat: col.enum('output_format', ['png', 'jpeg', 'webp']).notNull(),
    /** 0.5K, 1K, 2K, 4K (720p, 1080p: videos) where the model offers a choice; else null. */
    resolution: col.enum('resolution', ['0.5K', '1K', '2K', '4K', '720p', '1080p']),
    seed: col.int('seed').notNull(),
    /** strict, balanced or permissive where the vendor has a safety filter; null for its default. */
    safety: col.enum('safety', ['strict', 'balanced', 'permissive']),
    assetIds: col
      .json('asset_ids')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /** The operation's settings, defaults filled in (strength, returnMask, upscaleFactor, …). */
    options: col
      .json('options')
      .$type<Record<string, string | number | boolean>>()
      .notNull()
      .default(sql`'{}'`),
    errorCode: col.text('error_code'),
    errorMessage: col.text('error_message'),
    errorRetryable: col.bool('error_retryable'),
    errorAttempt: col.int('error_attempt'),
    attempts: col.int('attempts').notNull().default(0),
    /** Total tries allowed (0 and 1 both mean a single try). */
    maxAttempts: col.int('max_attempts').notNull().default(3),
    timeoutSeconds: col.int('timeout_seconds').notNull().default(600),
    /** After this the task fails with `timeout` instead of running or retrying. */
    deadlineAt: col.epochMs('deadline_at').notNull().default(0),
    /** A pending task waits until then (a retry's backoff); null means now. */
    nextRunAt: col.epochMs('next_run_at'),
    /** How many `no_image` answers it had; that class is retried once. */
    noImageCount: col.int('no_image_count').notNull().default(0),
    priority: col.int('priority').notNull().default(0),
    /** The provider's id for an async job, so a restart can resume it. */
    providerJobId: col.text('provider_job_id'),
    /**
     * What a verified provider callback said the current job cost (KIE's `creditsConsumed`),
     * until the job completes: kept here so that a restart before the final poll keeps it.
     */
    providerChargeAmount: col.real('provider_charge_amount'),
    providerChargeUnit: col.text('provider_charge_unit'),
    /** Things the user should know about the result (a size other than the one asked for, …). */
    warnings: col
      .json('warnings')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Other providers to try, in order, when this one fails in a way that is not the request's fault. */
    fallback: col
      .json('fallback')
      .$type<{ provider: string; model: string }[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Providers that failed this task before the current one. */
    triedProviders: col
      .json('tried_providers')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    /** The per-task secret in this task's webhook URL. */
    callbackToken: col.text('callback_token'),
    owner: col.text('owner').notNull().default('local'),
    idempotencyKey: col.text('idempotency_key'),
    /** A hash of the request, to tell a replay from a different request with the same key. */
    requestHash: col.text('request_hash'),
    /** The variation plan this task belongs to, with the plan's own id for it and its batch. */
    planId: col.text('plan_id'),
    planItemId: col.text('plan_item_id'),
    planBatch: col.int('plan_batch'),
    /** A fixed wait between tries (a plan's retry_delay_seconds) instead of the backoff. */
    retryDelayMs: col.int53('retry_delay_ms'),
    /** One provider call may take this long before it fails as `timeout` (a plan's timeout_seconds). */
    attemptTimeoutMs: col.int53('attempt_timeout_ms'),
    /** What it should cost, from the list price, in `cost_unit`; known when it is accepted. */
    estimatedCost: col.real('estimated_cost'),
    costUnit: col.text('cost_unit'),
    /** What it did cost: as the provider reported it, else the estimate (`cost_source`). */
    actualCost: col.real('actual_cost'),
    costSource: col.enum('cost_source', ['provider', 'estimate']),
    /** When it was starred (a favourite), or null. */
    starredAt: col.epochMs('starred_at'),
    /** When it went to the trash, or null; the trash empties after a retention period. */
    deletedAt: col.epochMs('deleted_at'),
    retriedFromId: col.text('retried_from_id'),
    retriedById: col.text('retried_by_id'),
    /** The generation this edit continues (its first input image's source): an edit chain's link. */
    parentGenerationId: col.text('parent_generation_id'),
    createdAt: col.epochMs('created_at').notNull(),
    updatedAt: col.epochMs('updated_at').notNull(),
    startedAt: col.epochMs('started_at'),
    finishedAt: col.epochMs('finished_at'),
    /** The instance running a processing task; null once it leaves `processing`. */
    leaseOwner: col.text('lease_owner'),
    /** Until when that instance's claim holds (renewed by its heartbeat); after it, another takes over. */
    leaseUntil: col.epochMs('lease_until'),
    /**
     * When the provider last called back about the running job: the instance running it polls
     * at once, whichever instance the callback reached.
     */
    callbackAt: col.epochMs('callback_at'),
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
    // Running tasks, by the instances running them: a provider's count (the claim's cap), an
    // instance's heartbeat, and the leases that ran out (the takeover).
    index('tasks_running_idx')
      .on(t.provider)
      .where(sql`${t.status} = 'processing'`),
    index('tasks_lease_owner_idx')
      .on(t.leaseOwner)
      .where(sql`${t.status} = 'processing'`),
    index('tasks_lease_until_idx')
      .on(t.leaseUntil)
      .where(sql`${t.status} = 'processing'`),
    index('tasks_reserved_idx')
      .on(t.costUnit, t.status, t.estimatedCost, t.actualCost)
      .where(sql`${t.costUnit} is not null and ${t.status} in ('pending', 'processing')`),
  ],
);

/** Named boards; an image (its task) can be in several. */
export const collections = tableSpec(
  'collections',
  {
    id: col.text('id').primaryKey(),
    name: col.text('name').notNull(),
    /** The user it belongs to; null on rows from before accounts, until the first admin claims them. */
    owner: col.text('owner'),
    createdAt: col.epochMs('created_at').notNull(),
  },
  // Names are unique per user; rows from before accounts share the empty owner.
  (t) => [uniqueIndex('collections_owner_name_idx').on(sql`coalesce(${t.owner}, '')`, t.name)],
);

export const collectionItems = tableSpec(
  'collection_items',
  {
    collectionId: col
      .text('collection_id')
      .notNull()
      .references(() => collections, 'id', { onDelete: 'cascade' }),
    taskId: col
      .text('task_id')
      .notNull()
      .references(() => tasks, 'id', { onDelete: 'cascade' }),
    addedAt: col.epochMs('added_at').notNull(),
  },
  (t) => [primaryKey(t.collectionId, t.taskId), index('collection_items_task_idx').on(t.taskId)],
);

/** A variation plan (seed 004): its settings; its progress is read from its tasks. */
export const plans = tableSpec('plans', {
  id: col.text('id').primaryKey(),
  /** The plan's own `plan_id`. */
  externalId: col.text('external_id').notNull(),
  provider: col.text('provider').notNull(),
  model: col.text('model').notNull(),
  /** The accepted plan JSON, to export it again (as written, so PostgreSQL keeps its key order). */
  source: col.exactJson('source').$type<unknown>().notNull(),
  batchSize: col.int('batch_size').notNull(),
  maxConcurrent: col.int('max_concurrent').notNull(),
  retryAttempts: col.int('retry_attempts').notNull(),
  retryDelaySeconds: col.int('retry_delay_seconds').notNull(),
  timeoutSeconds: col.int('timeout_seconds').notNull(),
  /** Spend cap in `cost_unit`; null for none. */
  budget: col.real('budget'),
  costUnit: col.text('cost_unit'),
  estimate: col.real('estimate'),
  /** Why it stopped early: canceled, or its spend reached the budget. */
  stoppedReason: col.enum('stopped_reason', ['canceled', 'budget']),
  /** The user it belongs to; null on rows from before accounts, until the first admin claims them. */
  owner: col.text('owner'),
  createdAt: col.epochMs('created_at').notNull(),
  updatedAt: col.epochMs('updated_at').notNull(),
});

export const generations = tableSpec(
  'generations',
  {
    id: col.text('id').primaryKey(),
    taskId: col
      .text('task_id')
      .notNull()
      .references(() => tasks, 'id', { onDelete: 'cascade' }),
    index: col.int('idx').notNull(),
    file: col.text('file').notNull(),
    thumbFile: col.text('thumb_file').notNull(),
    width: col.int('width').notNull(),
    height: col.int('height').notNull(),
    mime: col.text('mime').notNull(),
    /** Videos may pass 2 GiB: 64-bit on PostgreSQL. */
    bytes: col.int53('bytes').notNull(),
    sha256: col.text('sha256').notNull(),
    /** A video's length; null for an image. */
    durationMs: col.int53('duration_ms'),
    /** Gemini's `thoughtSignature` on the image part, sent back when an edit continues from it. */
    thoughtSignature: col.text('thought_signature'),
    createdAt: col.epochMs('created_at').notNull(),
  },
  (t) => [
    index('generations_task_idx').on(t.taskId, t.index),
    index('generations_sha_idx').on(t.sha256),
    // Who may read a stored file: looked up by its key on every `/files` request.
    index('generations_file_idx').on(t.file),
    index('generations_thumb_idx').on(t.thumbFile),
  ],
);

export const assets = tableSpec(
  'assets',
  {
    id: col.text('id').primaryKey(),
    file: col.text('file').notNull(),
    mime: col.text('mime').notNull(),
    width: col.int('width').notNull(),
    height: col.int('height').notNull(),
    bytes: col.int53('bytes').notNull(),
    sha256: col.text('sha256').notNull(),
    /** The uploaded file's name, so a plan can name its reference image by it. */
    name: col.text('name'),
    /** The generation it was made from (`asset.fromGeneration`), or null for an upload. */
    sourceGenerationId: col.text('source_generation_id'),
    /** The user it belongs to; null on rows from before accounts, until the first admin claims them. */
    owner: col.text('owner'),
    createdAt: col.epochMs('created_at').notNull(),
  },
  (t) => [
    index('assets_sha_idx').on(t.sha256),
    index('assets_name_idx').on(t.name),
    index('assets_file_idx').on(t.file),
  ],
);

/** Paused scopes of the queue: `*` for everything, or a provider id. */
export const queuePauses = tableSpec('queue_pauses', {
  scope: col.text('scope').primaryKey(),
  pausedAt: col.epochMs('paused_at').notNull(),
});

/**
 * Append-only log of task changes; `seq` is the subscription cursor. Appends take turns (on
 * PostgreSQL under an advisory lock held to commit), so seqs become visible in order.
 */
export const taskEvents = tableSpec(
  'task_events',
  {
    seq: col.serial('seq'),
    taskId: col.text('task_id').notNull(),
    /** The task's owner, so a user's replay reads only their own events. */
    owner: col.text('owner').notNull().default('local'),
    type: col.text('type').notNull(),
    snapshot: col.text('snapshot').notNull(),
    createdAt: col.epochMs('created_at').notNull(),
  },
  (t) => [
    index('task_events_task_idx').on(t.taskId, t.seq),
    index('task_events_owner_idx').on(t.owner, t.seq),
  ],
);
