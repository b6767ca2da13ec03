import { z } from 'zod';

const countPerMinute = /^(\d+)\s*(?:\/\s*min(?:ute)?)?$/i;
const most = 1_000_000;

/**
 * An environment variable holding a request limit: `60/min` or a plain `60` (a minute's
 * allowance), `0` to turn the limit off; `fallback` when it is not set.
 */
export function perMinuteVariable(fallback: number) {
  return z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return fallback;
      const count = Number(countPerMinute.exec(text.trim())?.[1] ?? Number.NaN);
      if (!Number.isSafeInteger(count) || count > most) {
        ctx.addIssue({
          code: 'custom',
          message: `"${text}" is not a count per minute: write "60/min" or "60" (at most ${most}; 0 turns the limit off)`,
        });
        return z.NEVER;
      }
      return count;
    });
}
