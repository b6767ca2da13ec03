import { z } from 'zod';

export const usageInput = z.object({
  /** Minutes to add to UTC for the caller's calendar (the negated `Date#getTimezoneOffset()`). */
  utcOffsetMinutes: z.number().int().min(-840).max(840).default(0),
});

const amount = z.object({ unit: z.string(), amount: z.number() });
const budgetLine = z.object({
  unit: z.string(),
  cap: z.number(),
  spent: z.number(),
  reserved: z.number(),
});

export const usageRow = z.object({
  /** YYYY-MM-DD in the caller's calendar. */
  day: z.string(),
  provider: z.string(),
  model: z.string(),
  planId: z.string().nullable(),
  unit: z.string(),
  amount: z.number(),
  tasks: z.number().int(),
  /** Images and videos the group's tasks made. */
  images: z.number().int(),
  videos: z.number().int(),
  /** Time its completed tasks spent generating: the sum of finishedAt − startedAt, in ms. */
  generatingMs: z.number().int(),
  /** Part of the amount is a list-price estimate, not a charge the provider reported. */
  estimated: z.boolean(),
});
export type UsageRow = z.infer<typeof usageRow>;

/** What was made over a month, whatever it cost. */
const made = z.object({
  tasks: z.number().int(),
  images: z.number().int(),
  videos: z.number().int(),
  generatingMs: z.number().int(),
});
export type UsageMade = z.infer<typeof made>;

export const usageReport = z.object({
  /** Every day of last month and this month with spending, by provider, model and plan. */
  rows: z.array(usageRow),
  thisMonth: z.array(amount),
  lastMonth: z.array(amount),
  /** Tasks, images, videos and generating time in each month, free work included. */
  made: z.object({ thisMonth: made, lastMonth: made }),
  /** What queued and running tasks hold (estimate + billed so far), by unit; spent once they end. */
  reserved: z.array(amount),
  /** The server's monthly caps, with everyone's spend this month and what is reserved against each. */
  budgets: z.array(budgetLine),
  /** The caller's own monthly quotas (set by an admin), with their own spend and reservations. */
  quotas: z.array(budgetLine),
});
export type UsageReport = z.infer<typeof usageReport>;
