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
  /** Part of the amount is a list-price estimate, not a charge the provider reported. */
  estimated: z.boolean(),
});
export type UsageRow = z.infer<typeof usageRow>;

export const usageReport = z.object({
  /** Every day of last month and this month with spending, by provider, model and plan. */
  rows: z.array(usageRow),
  thisMonth: z.array(amount),
  lastMonth: z.array(amount),
  /** What queued and running tasks hold (estimate + billed so far), by unit; spent once they end. */
  reserved: z.array(amount),
  /** The server's monthly caps, with everyone's spend this month and what is reserved against each. */
  budgets: z.array(budgetLine),
  /** The caller's own monthly quotas (set by an admin), with their own spend and reservations. */
  quotas: z.array(budgetLine),
});
export type UsageReport = z.infer<typeof usageReport>;
