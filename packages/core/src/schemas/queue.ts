import { z } from 'zod';
import { operation } from './operation';
import { taskStatus } from './task';

export const queueScopeInput = z.object({
  /** A provider id; absent means the whole queue. */
  provider: z.string().min(1).optional(),
});

export const queueStatus = z.object({
  paused: z.object({ all: z.boolean(), providers: z.array(z.string()) }),
  /** Task counts per provider and status. */
  counts: z.array(z.object({ provider: z.string(), status: taskStatus, count: z.number().int() })),
  running: z.array(
    z.object({
      id: z.string(),
      provider: z.string(),
      model: z.string(),
      prompt: z.string(),
      /** What a row without a prompt is named by: the operation and its first input image. */
      operation,
      assetIds: z.array(z.string()),
      /** The list price it was accepted at, which a retry does not change; null when unknown. */
      cost: z.object({ unit: z.string(), estimated: z.number().nullable() }).nullable(),
      attempts: z.number().int(),
      startedAt: z.number().nullable(),
    }),
  ),
  /** Pending tasks in the order they will be claimed, per provider (position 1 runs next). */
  pending: z.array(
    z.object({
      id: z.string(),
      provider: z.string(),
      position: z.number().int(),
      priority: z.number().int(),
      nextRunAt: z.number().nullable(),
    }),
  ),
});
export type QueueStatus = z.infer<typeof queueStatus>;
