import { collectDefaultMetrics, Registry } from 'prom-client';

let shared: Registry | undefined;

/**
 * Node's and the process's own metrics (CPU, memory, event loop, GC), one set per process
 * however many apps it runs (tests build several): they describe the process, and each set
 * starts its own event-loop monitor. Made with the first app, so counters such as CPU time
 * count from then.
 */
export function processMetrics(): Registry {
  if (!shared) {
    shared = new Registry();
    collectDefaultMetrics({ register: shared });
  }
  return shared;
}
