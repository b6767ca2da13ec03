import { z } from 'zod';
import { operation } from './operation';
import { taskStatus } from './task';

export const queueScopeInput = z.object({
  /** A provider id; absent means the whole queue. */
  provider: z.string().min(1).optional(),
});

/** How many waiting tasks of each provider the status lists; `counts` has how many wait in all. */
export const queueWaitingLimit = 50;

/** What names a queue row: its prompt, or its operation and first input image, and its price. */
const queueRowNaming = z.object({
  prompt: z.string(),
  operation,
  /** Its input images; the first one's uploaded file name ("photo.png"), when it has one. */
  assetIds: z.array(z.string()),
  inputName: z.string().nullable(),
  /** The list price it was accepted at, which a retry does not change; null when unknown. */
  cost: z.object({ unit: z.string(), estimated: z.number().nullable() }).nullable(),
});

export const queueStatus = z.object({
  paused: z.object({ all: z.boolean(), providers: z.array(z.string()) }),
  /** Task counts per provider and status. */
  counts: z.array(z.object({ provider: z.string(), status: taskStatus, count: z.number().int() })),
  running: z.array(
    queueRowNaming.extend({
      id: z.string(),
      provider: z.string(),
      model: z.string(),
      attempts: z.number().int(),
      startedAt: z.number().nullable(),
    }),
  ),
  /**
   * Pending tasks in the order they will be claimed, per provider (position 1 runs next, among
   * everyone's): the first `queueWaitingLimit` of each provider.
   */
  pending: z.array(
    queueRowNaming.extend({
      id: z.string(),
      provider: z.string(),
      position: z.number().int(),
      priority: z.number().int(),
      nextRunAt: z.number().nullable(),
    }),
  ),
});
export type QueueStatus = z.infer<typeof queueStatus>;
