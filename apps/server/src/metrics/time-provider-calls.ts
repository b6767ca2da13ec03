import {
  ProviderRegistry,
  type AsyncAdapter,
  type GenerateRequest,
  type ProviderAdapter,
} from '@genhub/core';
import type { ProviderCall, ProviderCallHistogram } from './provider-call-histogram';

type Timer = <T>(call: ProviderCall, run: () => Promise<T>) => Promise<T>;

function timerFor(provider: string, histogram: ProviderCallHistogram): Timer {
  return (call, run) => {
    const end = histogram.startTimer({ provider, call });
    const failed = (error: unknown) => {
      end({ outcome: 'error' });
      throw error;
    };
    let pending;
    try {
      pending = run();
    } catch (error) {
      return failed(error);
    }
    return pending.then((result) => {
      end({ outcome: 'ok' });
      return result;
    }, failed);
  };
}

/** The adapter as it is, but for its provider calls, which are timed on their way through. */
function timed(adapter: ProviderAdapter, histogram: ProviderCallHistogram): ProviderAdapter {
  const time = timerFor(adapter.id, histogram);
  const calls = new Map<PropertyKey, unknown>(
    adapter.kind === 'sync'
      ? [
          [
            'generate',
            (request: GenerateRequest) => time('generate', () => adapter.generate(request)),
          ],
        ]
      : [
          [
            'submitJob',
            (request: GenerateRequest) => time('submit', () => adapter.submitJob(request)),
          ],
          [
            'pollJob',
            (...args: Parameters<AsyncAdapter['pollJob']>) =>
              time('poll', () => adapter.pollJob(...args)),
          ],
        ],
  );
  // A proxy rather than a copy: getters and later changes of the adapter's fields still show.
  return new Proxy(adapter, {
    get: (target, key, receiver) =>
      calls.has(key) ? calls.get(key) : (Reflect.get(target, key, receiver) as unknown),
  });
}

/** The same providers, each call to one (generate, submit, poll) timed in `histogram`. */
export function timeProviderCalls(
  providers: ProviderRegistry,
  histogram: ProviderCallHistogram,
): ProviderRegistry {
  return new ProviderRegistry(
    providers.all().map((adapter) => timed(adapter, histogram)),
    providers.catalogue,
  );
}
