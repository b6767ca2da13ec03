import { describe, expect, it } from 'vitest';
import type { ReadinessCheck } from './readiness-check';
import { runReadinessChecks, type CheckFailure } from './run-readiness-checks';

const check = (name: string, run: ReadinessCheck['run']): ReadinessCheck => ({
  name,
  run,
  explain: () => `${name} broke`,
});

describe('runReadinessChecks', () => {
  it('passes when every check does, naming each', async () => {
    const report = await runReadinessChecks(
      [check('a', () => Promise.resolve(null)), check('b', () => Promise.resolve(null))],
      { timeoutMs: 1000 },
    );
    expect(report).toEqual({ ok: true, checks: { a: { ok: true }, b: { ok: true } } });
  });

  it('fails a check that hangs once its time is up, without waiting for it', async () => {
    const started = Date.now();
    const failures: CheckFailure[] = [];
    const report = await runReadinessChecks(
      [
        check('hung', () => new Promise<null>(() => undefined)),
        check('fine', () => Promise.resolve(null)),
      ],
      { timeoutMs: 50, onFailure: (failure) => failures.push(failure) },
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(report).toEqual({
      ok: false,
      checks: { hung: { ok: false, reason: 'did not answer within 50 ms' }, fine: { ok: true } },
    });
    expect(failures).toEqual([{ name: 'hung', reason: 'did not answer within 50 ms' }]);
  });

  it('gives a check’s own reason, or its explanation of what it threw, never the error', async () => {
    const error = new Error('/secret/path: EACCES at line 3');
    const failures: CheckFailure[] = [];
    const report = await runReadinessChecks(
      [
        check('behind', () => Promise.resolve('2 things are behind')),
        check('threw', () => Promise.reject(error)),
        check('threw at once', () => {
          throw error;
        }),
      ],
      { timeoutMs: 1000, onFailure: (failure) => failures.push(failure) },
    );
    expect(report.checks).toEqual({
      behind: { ok: false, reason: '2 things are behind' },
      threw: { ok: false, reason: 'threw broke' },
      'threw at once': { ok: false, reason: 'threw at once broke' },
    });
    expect(JSON.stringify(report)).not.toContain('secret');
    // The log gets the error itself.
    expect(failures.find((f) => f.name === 'threw')?.error).toBe(error);
  });
});
