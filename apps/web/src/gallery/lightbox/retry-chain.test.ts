import { describe, expect, it } from 'vitest';
import { attemptErrorKey, maxEarlierAttempts, readRetryChain } from './retry-chain';

const link = (id: string, retriedFromId: string | null) => ({ id, retriedFromId }) as const;

/** A store of tasks by id, of which only the links matter here. */
const store = (...tasks: { id: string; retriedFromId: string | null }[]) => {
  const byId = new Map(tasks.map((x) => [x.id, x]));
  const reads: string[] = [];
  const read = (id: string) => {
    reads.push(id);
    const found = byId.get(id);
    return Promise.resolve(found ?? null);
  };
  return { read, reads };
};

describe('the retry chain', () => {
  it('walks back to the first attempt, newest first', async () => {
    const { read } = store(link('c', 'b'), link('b', 'a'), link('a', null));
    const chain = await readRetryChain('c', read);
    expect(chain.attempts.map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(chain.complete).toBe(true);
  });

  it('stops at an attempt that is gone, and after the most it shows', async () => {
    const gone = await readRetryChain('b', store(link('b', 'a')).read);
    expect(gone).toMatchObject({ complete: false });
    expect(gone.attempts).toHaveLength(1);
    const long = Array.from({ length: 30 }, (_, i) => link(`t${i}`, i === 0 ? null : `t${i - 1}`));
    const { read, reads } = store(...long);
    const chain = await readRetryChain('t29', read);
    expect(chain.attempts).toHaveLength(maxEarlierAttempts);
    expect(chain.complete).toBe(false);
    expect(reads).toHaveLength(maxEarlierAttempts);
  });

  it('says why an attempt failed in words, for every known code and any other', () => {
    expect(attemptErrorKey('content_blocked')).toBe('retry.errors.content_blocked');
    expect(attemptErrorKey('budget_exceeded')).toBe('retry.errors.budget_exceeded');
    expect(attemptErrorKey('E_WEIRD')).toBe('retry.errors.other');
  });
});
