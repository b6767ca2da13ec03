import type { ReadinessCheck } from './readiness-check';

export type CheckResult = { ok: true } | { ok: false; reason: string };

export interface ReadinessReport {
  ok: boolean;
  checks: Record<string, CheckResult>;
}

export interface CheckFailure {
  name: string;
  reason: string;
  /** What `run` rejected with, for the log; absent when it answered with a reason. */
  error?: unknown;
}

const timedOut = Symbol('timed out');

/** `run`, or `timedOut` once `ms` pass first: a hung dependency makes a failed check, not a stall. */
async function within<T>(ms: number, run: () => Promise<T>): Promise<T | typeof timedOut> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof timedOut>((resolve) => {
    timer = setTimeout(() => resolve(timedOut), ms);
  });
  try {
    return await Promise.race([run(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check at once, each within `timeoutMs`, and reports each by name. */
export async function runReadinessChecks(
  checks: readonly ReadinessCheck[],
  options: { timeoutMs: number; onFailure?: (failure: CheckFailure) => void },
): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (check): Promise<[string, CheckResult]> => {
      let failure: CheckFailure | null;
      try {
        const answer = await within(options.timeoutMs, () => check.run());
        failure =
          answer === timedOut
            ? { name: check.name, reason: `did not answer within ${options.timeoutMs} ms` }
            : answer === null
              ? null
              : { name: check.name, reason: answer };
      } catch (error) {
        failure = { name: check.name, reason: check.explain(error), error };
      }
      if (!failure) return [check.name, { ok: true }];
      options.onFailure?.(failure);
      return [check.name, { ok: false, reason: failure.reason }];
    }),
  );
  return {
    ok: results.every(([, result]) => result.ok),
    checks: Object.fromEntries(results),
  };
}
