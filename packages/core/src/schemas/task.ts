import { z } from 'zod';
import {
  checkOperationRules,
  defaultAspectRatio,
  defaultTimeoutSeconds,
  isVideoOperation,
  maxBatchImages,
  operation,
  operationOptions,
  operationRules,
  type Operation,
} from './operation';

export * from './operation';

export const taskStatuses = ['pending', 'processing', 'completed', 'failed', 'canceled'] as const;
export const taskStatus = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof taskStatus>;
export const finalStatuses: readonly TaskStatus[] = ['completed', 'failed', 'canceled'];

export const aspectRatios = [
  '1:1',
  '9:16',
  '16:9',
  '3:4',
  '4:3',
  '3:2',
  '2:3',
  '5:4',
  '4:5',
  '21:9',
  'auto',
] as const;
/** Only some models (Nano Banana 2) offer these. */
export const extremeAspectRatios = ['1:4', '4:1', '1:8', '8:1'] as const;
export const aspectRatio = z.enum([...aspectRatios, ...extremeAspectRatios]);
export type AspectRatio = z.infer<typeof aspectRatio>;

export const outputFormat = z.enum(['png', 'jpeg', 'webp']);
export type OutputFormat = z.infer<typeof outputFormat>;

/** Image sizes, then video sizes (720p, 1080p; 4K serves both: Veo spells it `4k`). */
export const resolutions = ['0.5K', '1K', '2K', '4K', '720p', '1080p'] as const;
export const resolution = z.enum(resolutions);
export type Resolution = z.infer<typeof resolution>;

export const promptMaxLength = 5000;
export const maxImagesPerTask = 6;

/**
 * How strictly the vendor's own safety filter should judge the result, where it offers one
 * (KIE `nsfw_checker`, fal `safety_tolerance`, Replicate `safety_filter_level`); absent means
 * the vendor's default.
 */
export const safetyLevels = ['strict', 'balanced', 'permissive'] as const;
export const safetyLevel = z.enum(safetyLevels);
export type SafetyLevel = z.infer<typeof safetyLevel>;

/** Every way a provider call can fail, as the engine acts on it. */
export const errorClasses = [
  'network',
  'timeout',
  'rate_limited',
  'provider_unavailable',
  'invalid_request',
  'unauthorized',
  'insufficient_credits',
  'content_blocked',
  'no_image',
  /** A reference image's asset is recorded but its file is gone: upload it again. */
  'reference_missing',
  /**
   * The provider delivered (and billed) a result, but this server could not store it, even
   * after a few more tries: never retried, so the provider is not called, nor paid, again.
   */
  'storage',
  'internal',
] as const;
export const errorClass = z.enum(errorClasses);
export type ErrorClass = z.infer<typeof errorClass>;

/**
 * What a request that names no aspect ratio gets: an operation on images keeps the first one's
 * shape (`auto`; core picks the nearest ratio for a model without `auto`), else
 * `defaultAspectRatio`.
 */
export const requestDefaultAspectRatio = (op: Operation): AspectRatio =>
  !isVideoOperation(op) && operationRules[op].references.min > 0 ? 'auto' : defaultAspectRatio(op);

export const createTaskInput = z
  .object({
    operation: operation.default('generate'),
    /** Required for generate, edit and batch-edit; optional guidance for the others. */
    prompt: z
      .string()
      .trim()
      .max(promptMaxLength, `A prompt has at most ${promptMaxLength} characters`)
      .default(''),
    /**
     * Absent: the first image's shape (`auto`) for an image operation on images, 16:9 for a
     * video, else 1:1 (`requestDefaultAspectRatio`).
     */
    aspectRatio: aspectRatio.optional(),
    count: z.number().int().min(1).max(maxImagesPerTask).default(1),
    /** Of images; a video is always an MP4, whatever this says. */
    outputFormat: outputFormat.default('png'),
    /** Only for models that offer sizes (Nano Banana Pro and 2, Veo); absent means their default. */
    resolution: resolution.optional(),
    provider: z.string().min(1).default('local'),
    /** Absent means the provider's default model. */
    model: z.string().min(1).optional(),
    /**
     * Reference images: for style-transfer exactly [content, style]; for remove-background and
     * enhance exactly one; for batch-edit every image to edit.
     */
    assetIds: z.array(z.string().min(1)).max(maxBatchImages).optional(),
    /** The operation's own settings (see `operationOptions`). */
    options: operationOptions.optional(),
    seed: z.number().int().min(0).max(2_147_483_647).optional(),
    safety: safetyLevel.optional(),
    /** Higher runs first; ties run oldest first. */
    priority: z.number().int().min(-100).max(100).default(0),
    /** Tries in all; 0 and 1 both mean one try and no automatic retry. */
    maxAttempts: z.number().int().min(0).max(5).default(3),
    /**
     * The task fails with `timeout` if it has not completed this long after it was accepted.
     * Absent: 30 minutes for a video, else 10 (`defaultTimeoutSeconds`).
     */
    timeoutSeconds: z.number().int().min(10).max(86_400).optional(),
    /** The same key returns the task it first created instead of creating another. */
    idempotencyKey: z.string().min(1).max(200).optional(),
    /**
     * Where to go next, in order, when the provider fails in a way that is not the request's
     * fault (unavailable, no image, out of credits).
     */
    fallback: z
      .array(z.object({ provider: z.string().min(1), model: z.string().min(1) }))
      .max(5)
      .optional(),
  })
  .superRefine((input, ctx) => checkOperationRules(input, ctx))
  // Defaults that depend on the operation, which a field's own `.default()` cannot see.
  .transform((input) => ({
    ...input,
    aspectRatio: input.aspectRatio ?? requestDefaultAspectRatio(input.operation),
    timeoutSeconds: input.timeoutSeconds ?? defaultTimeoutSeconds(input.operation),
  }));
export type CreateTaskInput = z.input<typeof createTaskInput>;
export type ValidCreateTaskInput = z.output<typeof createTaskInput>;

export const taskIdInput = z.object({ id: z.string().min(1) });

export const setPriorityInput = z.object({
  id: z.string().min(1),
  priority: z.number().int().min(-100).max(100),
});

export const listTasksInput = z.object({
  cursor: z.string().min(1).nullish(),
  limit: z.number().int().min(1).max(100).default(30),
  status: taskStatus.optional(),
});
export type ListTasksInput = z.input<typeof listTasksInput>;

export const generation = z.object({
  id: z.string(),
  url: z.string(),
  thumbUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  mime: z.string(),
  bytes: z.number().int(),
  /** A video's length (`mime` video/mp4; `thumbUrl` is its poster); null for an image. */
  durationMs: z.number().int().nullable(),
});
export type Generation = z.infer<typeof generation>;

export const taskError = z.object({
  code: z.string(),
  message: z.string(),
  /** Whether the engine retries after it (then `nextRunAt` says when). */
  retryable: z.boolean(),
  /** The attempt that failed. */
  attempt: z.number().int(),
});
export type TaskError = z.infer<typeof taskError>;

/** A variation plan (seed 004), or a batch edit: one prompt over many images (seed 003). */
export const planKinds = ['variations', 'batch-edit'] as const;
export const planKind = z.enum(planKinds);
export type PlanKind = z.infer<typeof planKind>;

/** The task as every client sees it. Times are epoch milliseconds. */
export const task = z.object({
  id: z.string(),
  /** The id of the user it belongs to. */
  owner: z.string(),
  status: taskStatus,
  operation,
  provider: z.string(),
  model: z.string(),
  prompt: z.string(),
  aspectRatio,
  count: z.number().int(),
  outputFormat,
  resolution: resolution.nullable(),
  seed: z.number().int(),
  safety: safetyLevel.nullable(),
  assetIds: z.array(z.string()),
  /** The operation's settings with its defaults filled in. */
  options: operationOptions,
  error: taskError.nullable(),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  priority: z.number().int(),
  timeoutSeconds: z.number().int(),
  deadlineAt: z.number(),
  /** When a pending task will next be tried (a retry's backoff), or null for as soon as possible. */
  nextRunAt: z.number().nullable(),
  retriedFromId: z.string().nullable(),
  retriedById: z.string().nullable(),
  /**
   * The generation this task continues (an edit chain): the source of its first input image,
   * when that image was made from a result ("Edit this"); null otherwise.
   */
  parentGenerationId: z.string().nullable(),
  /** The variation plan it belongs to, and the plan's own id for it (`task_id`). */
  planId: z.string().nullable(),
  planItemId: z.string().nullable(),
  /** What kind of plan it belongs to; null outside a plan. */
  planKind: planKind.nullable(),
  /**
   * What the result is called where the prompt does not say it: a variation's description
   * (the prompt is generated from it); null otherwise (then the prompt names it).
   */
  title: z.string().nullable(),
  /** When it was starred, or null. */
  starredAt: z.number().nullable(),
  /** When it went to the trash, or null. */
  deletedAt: z.number().nullable(),
  /** The collections it is in. */
  collectionIds: z.array(z.string()),
  /**
   * What it costs in the provider's unit: the list-price estimate when accepted, the actual
   * charge when done (`source` says whether the provider reported it). Null: price unknown.
   */
  cost: z
    .object({
      unit: z.string(),
      estimated: z.number().nullable(),
      actual: z.number().nullable(),
      source: z.enum(['provider', 'estimate']).nullable(),
    })
    .nullable(),
  /** Things worth knowing about the result, such as a size other than the one asked for. */
  warnings: z.array(z.string()),
  /** Providers still to try if this one fails. */
  fallback: z.array(z.object({ provider: z.string(), model: z.string() })),
  /** Providers that failed this task before `provider`, which produced the result. */
  triedProviders: z.array(z.string()),
  generations: z.array(generation),
  createdAt: z.number(),
  updatedAt: z.number(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
});
export type Task = z.infer<typeof task>;

/**
 * A task just accepted (created or retried), with the event cursor it was created at: subscribe
 * to `task.events` with `lastEventId: eventCursor` to get every later change, the last included.
 */
export const acceptedTask = task.extend({ eventCursor: z.string() });
export type AcceptedTask = z.infer<typeof acceptedTask>;

export const taskPage = z.object({
  items: z.array(task),
  nextCursor: z.string().nullable(),
  /** The event cursor this page was read at: subscribe from here to miss nothing. */
  lastEventId: z.string(),
});
export type TaskPage = z.infer<typeof taskPage>;

export const taskEventTypes = [
  'created',
  'started',
  /** An async provider accepted the job. */
  'submitted',
  /** An attempt failed and another is scheduled. */
  'retry_scheduled',
  'completed',
  'failed',
  'canceled',
  /** A new task was created to try this one again (`retriedById`). */
  'retried',
  /** Work cut off by a stop went back in the queue at start-up. */
  'requeued',
  'priority_changed',
  /** The provider failed for good; the next one in `fallback` takes over. */
  'fell_back',
  /** Removed by retention or from the trash; the snapshot is the task as it was. */
  'deleted',
  'starred',
  'unstarred',
  /** Moved to the trash (`deletedAt`); `restored` brings it back. */
  'trashed',
  'restored',
  /** Added to or removed from a collection (`collectionIds`). */
  'collections_changed',
] as const;
export const taskEventType = z.enum(taskEventTypes);
export type TaskEventType = z.infer<typeof taskEventType>;

export const taskEvent = z.object({ seq: z.number().int(), type: taskEventType, task });
export type TaskEvent = z.infer<typeof taskEvent>;

export const taskEventsInput = z.object({
  lastEventId: z.string().regex(/^\d+$/, 'lastEventId is an event sequence number').nullish(),
  taskId: z.string().min(1).optional(),
});
export type TaskEventsInput = z.infer<typeof taskEventsInput>;

export const taskChainInput = z.object({ taskId: z.string().min(1) });

/** One step of an edit chain: a task, linked to the generation it continued. */
export const chainNode = z.object({
  taskId: z.string(),
  /** The generation it continued, or null for the chain's root. */
  parentGenerationId: z.string().nullable(),
  /** The task that made `parentGenerationId`, when it is in the chain. */
  parentTaskId: z.string().nullable(),
  generations: z.array(z.object({ id: z.string(), url: z.string(), thumbUrl: z.string() })),
  prompt: z.string(),
  operation,
  status: taskStatus,
  createdAt: z.number(),
});
export type ChainNode = z.infer<typeof chainNode>;

/** The whole edit tree a task belongs to: its root and every descendant, oldest first. */
export const taskChain = z.object({
  rootTaskId: z.string(),
  nodes: z.array(chainNode),
  /** More steps exist than were returned (`maxChainNodes`). */
  truncated: z.boolean(),
});
export type TaskChain = z.infer<typeof taskChain>;
export const maxChainNodes = 200;
