import { errorClasses } from '@genhub/core/schemas';

/** How far back the history walks; a longer chain shows its most recent attempts. */
export const maxEarlierAttempts = 20;

/** Error codes besides the provider failure classes that end a task. */
const otherCodes = ['budget_exceeded'] as const;
const described = new Set<string>([...errorClasses, ...otherCodes]);

/** The `retry.errors.*` key that says in words why an attempt failed. */
export function attemptErrorKey(code: string): string {
  return `retry.errors.${described.has(code) ? code : 'other'}`;
}

/**
 * The earlier attempts of a task, newest first, read one `retriedFromId` link at a time with
 * `read`; stops at a task that is gone (`complete` false then) or after `maxEarlierAttempts`.
 */
export async function readRetryChain<T extends { retriedFromId: string | null }>(
  firstId: string,
  read: (id: string) => Promise<T | null>,
): Promise<{ attempts: T[]; complete: boolean }> {
  const attempts: T[] = [];
  let id: string | null = firstId;
  while (id !== null && attempts.length < maxEarlierAttempts) {
    const earlier: T | null = await read(id);
    if (!earlier) return { attempts, complete: false };
    attempts.push(earlier);
    id = earlier.retriedFromId;
  }
  return { attempts, complete: id === null };
}
