import { createLocalAdapter } from '../providers/local/local-adapter';
import { ProviderError, type SyncAdapter } from '../providers/types';
import type { ErrorClass } from '../schemas';

export interface Injected {
  code: ErrorClass;
  retryAfterMs?: number;
}

/**
 * The local adapter behind a script: each call takes the next entry of `plan(taskPrompt,
 * call)`; an entry is a failure to throw, or null to answer with real images.
 */
export function scriptedAdapter(
  plan: (prompt: string, call: number) => Injected | null,
  overrides: Partial<SyncAdapter> = {},
): SyncAdapter & { calls: Map<string, number[]> } {
  const local = createLocalAdapter({ delayMs: 0 });
  const calls = new Map<string, number[]>();
  return {
    ...local,
    ...overrides,
    calls,
    async generate(request) {
      const times = calls.get(request.task.prompt) ?? [];
      times.push(Date.now());
      calls.set(request.task.prompt, times);
      const failure = plan(request.task.prompt, times.length);
      if (failure) {
        throw new ProviderError(failure.code, `injected ${failure.code}`, failure.retryAfterMs);
      }
      return local.generate(request);
    },
  };
}
