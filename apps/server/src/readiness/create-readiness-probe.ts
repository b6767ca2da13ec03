import type { ReadinessCheck } from './readiness-check';
import { runReadinessChecks, type ReadinessReport } from './run-readiness-checks';
import { shareRecentRun } from './share-recent-run';

/** How long one run of the checks answers every probe: load balancers' and anyone's. */
export const readinessCacheMs = 2000;

export interface ReadinessLog {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

export interface ReadinessProbeOptions {
  /** How long each check may take before it counts as failed. */
  timeoutMs: number;
  /** How long a run's report is reused after it ends; 0 runs the checks for every probe. */
  cacheMs?: number;
  /** A monotonic clock in milliseconds (tests step it). */
  now?: () => number;
  log: ReadinessLog;
}

/**
 * What answers `/readyz`: the checks run at most once per `cacheMs`, and probes that come while
 * they run wait for that run, so a flood of probes costs the database and the store no more than
 * one. A check still running from an earlier run (hung past its time) is joined, never started
 * twice. A check is logged when it starts failing (with the error) and when it passes again.
 */
export function createReadinessProbe(
  checks: readonly ReadinessCheck[],
  options: ReadinessProbeOptions,
): () => Promise<ReadinessReport> {
  const now = options.now ?? (() => performance.now());
  const single = checks.map((check): ReadinessCheck => ({
    name: check.name,
    run: shareRecentRun(() => check.run(), { forMs: 0, now }),
    explain: (error) => check.explain(error),
  }));
  let failing = new Set<string>();
  return shareRecentRun(
    async () => {
      const failed = new Set<string>();
      const report = await runReadinessChecks(single, {
        timeoutMs: options.timeoutMs,
        onFailure: ({ name, reason, error }) => {
          failed.add(name);
          if (!failing.has(name))
            options.log.warn({ check: name, reason, err: error }, 'not ready');
        },
      });
      for (const name of failing) {
        if (!failed.has(name)) options.log.info({ check: name }, 'ready again');
      }
      failing = failed;
      return report;
    },
    { forMs: options.cacheMs ?? readinessCacheMs, now },
  );
}
