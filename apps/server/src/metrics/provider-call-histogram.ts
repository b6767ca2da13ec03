import { Histogram, type Registry } from 'prom-client';

/** What a provider was asked: a sync provider's one call, or an async job's submission or poll. */
export type ProviderCall = 'generate' | 'submit' | 'poll';

export type ProviderCallHistogram = Histogram<'provider' | 'call' | 'outcome'>;

/** From a fast local image to a slow vendor's queue, in seconds. */
const buckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

/** How long provider calls take, by provider, call and outcome (`ok`: it answered; `error`: it threw). */
export function providerCallHistogram(registry: Registry): ProviderCallHistogram {
  return new Histogram({
    name: 'genhub_provider_call_duration_seconds',
    help: 'Provider call latency by provider, call (generate, submit, poll) and outcome (ok, error)',
    labelNames: ['provider', 'call', 'outcome'],
    buckets,
    registers: [registry],
  });
}
