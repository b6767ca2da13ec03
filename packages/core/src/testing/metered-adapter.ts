import { createLocalAdapter } from '../providers/local/local-adapter';
import type { ProviderError, SyncAdapter } from '../providers/types';

/** The local provider, priced and instrumented: calls, the most at once, an optional script. */
export function meteredAdapter(
  options: {
    price?: number;
    charge?: number;
    fail?: (call: number) => ProviderError | null;
    holdMs?: number;
  } = {},
) {
  const local = createLocalAdapter({ delayMs: 0 });
  const stats = { calls: [] as number[], running: 0, maxRunning: 0 };
  const adapter: SyncAdapter = {
    ...local,
    id: 'metered',
    label: 'Metered',
    defaultModel: 'local-preview',
    models: local.models.map((m) => ({
      ...m,
      price: options.price === undefined ? null : { amount: options.price, unit: 'credits' },
    })),
    async generate(request) {
      stats.calls.push(Date.now());
      stats.running++;
      stats.maxRunning = Math.max(stats.maxRunning, stats.running);
      try {
        await new Promise((r) => setTimeout(r, options.holdMs ?? 20));
        const failure = options.fail?.(stats.calls.length);
        if (failure) throw failure;
        const result = await local.generate(request);
        return options.charge === undefined
          ? result
          : { ...result, charge: { amount: options.charge, unit: 'credits' } };
      } finally {
        stats.running--;
      }
    },
  };
  return { adapter, stats };
}
