import { generation, planSummary, task } from '@genhub/core/schemas';
import { z } from 'zod';

/** A task as tools report it: what it was asked and how it went, without bookkeeping. */
export const taskSummary = task.pick({
  id: true,
  status: true,
  operation: true,
  prompt: true,
  provider: true,
  model: true,
  aspectRatio: true,
  count: true,
  assetIds: true,
  error: true,
  cost: true,
  warnings: true,
  planId: true,
  createdAt: true,
  finishedAt: true,
});
export type TaskSummary = z.infer<typeof taskSummary>;

/** A generated image or video, its URLs absolute (they need the same API key to be read). */
export const imageOutput = generation.extend({ taskId: z.string() });
export type ImageOutput = z.infer<typeof imageOutput>;

/** What `generate`, `edit` and `get_task` answer. */
export const taskResultOutput = { task: taskSummary, images: z.array(imageOutput) };

/** What `search_gallery` answers. */
export const galleryOutput = {
  items: z.array(z.object({ task: taskSummary, images: z.array(imageOutput) })),
  /** Pass as `cursor` for the next page; null on the last. */
  nextCursor: z.string().nullable(),
};

/** What `run_plan` answers. */
export const planOutput = { plan: planSummary, images: z.array(imageOutput) };
