import { createLocalAdapter } from '../providers/local/local-adapter';
import type { ProviderAdapter } from '../providers/types';
import { gate } from './gate';

/** The local provider, each run held until the test opens the gate; counts its calls. */
export function heldAdapter() {
  const local = createLocalAdapter({ delayMs: 0 });
  const hold = gate();
  const stats = { calls: 0, running: 0 };
  const adapter: ProviderAdapter = {
    ...local,
    async generate(request) {
      stats.calls++;
      stats.running++;
      try {
        await hold.wait;
        return await local.generate(request);
      } finally {
        stats.running--;
      }
    },
  };
  return { adapter, stats, open: hold.open };
}
