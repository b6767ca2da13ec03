import {
  createLocalAdapter,
  ModelCatalogue,
  ProviderError,
  ProviderRegistry,
  type AsyncAdapter,
  type GenerateRequest,
  type SyncAdapter,
} from '@genhub/core';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { providerCallHistogram } from './provider-call-histogram';
import { timeProviderCalls } from './time-provider-calls';

const request = {} as GenerateRequest;
const local = createLocalAdapter({ delayMs: 0 });

async function counts(registry: Registry) {
  const metric = await registry.getSingleMetric('genhub_provider_call_duration_seconds')?.get();
  return Object.fromEntries(
    (metric?.values ?? [])
      // Histogram values carry the series they belong to (_bucket, _sum, _count).
      .filter(
        (v) =>
          (v as { metricName?: string }).metricName ===
          'genhub_provider_call_duration_seconds_count',
      )
      .map((v) => [`${v.labels.provider} ${v.labels.call} ${v.labels.outcome}`, v.value]),
  );
}

describe('timeProviderCalls', () => {
  it('times each call by provider, call and outcome, and changes nothing else', async () => {
    const registry = new Registry();
    const histogram = providerCallHistogram(registry);
    let fail = false;
    const sync: SyncAdapter = {
      ...local,
      id: 'sync',
      generate: () =>
        fail
          ? Promise.reject(new ProviderError('timeout', 'late'))
          : Promise.resolve({ images: [] }),
    };
    const verifyWebhook = () => true;
    const async: AsyncAdapter = {
      ...local,
      kind: 'async',
      id: 'async',
      submitJob: () => Promise.resolve({ jobId: 'j1' }),
      pollJob: (jobId) =>
        jobId === 'bad'
          ? Promise.reject(new ProviderError('network', 'down'))
          : Promise.resolve({ status: 'running' }),
      verifyWebhook,
    };
    const catalogue = new ModelCatalogue();
    const timed = timeProviderCalls(new ProviderRegistry([sync, async], catalogue), histogram);
    expect(timed.catalogue).toBe(catalogue);
    expect(timed.ids()).toEqual(['sync', 'async']);

    const s = timed.get('sync');
    const a = timed.get('async');
    if (s?.kind !== 'sync' || a?.kind !== 'async') throw new Error('the kinds changed');
    expect(s.models).toBe(local.models);
    expect(Reflect.get(a, 'verifyWebhook')).toBe(verifyWebhook);
    await s.generate(request);
    fail = true;
    await expect(s.generate(request)).rejects.toThrow('late');
    expect(await a.submitJob(request)).toEqual({ jobId: 'j1' });
    const signal = new AbortController().signal;
    expect(await a.pollJob('j1', signal)).toEqual({ status: 'running' });
    await a.pollJob('j1', signal);
    await expect(a.pollJob('bad', signal)).rejects.toBeInstanceOf(ProviderError);

    expect(await counts(registry)).toEqual({
      'sync generate ok': 1,
      'sync generate error': 1,
      'async submit ok': 1,
      'async poll ok': 2,
      'async poll error': 1,
    });
  });

  it('counts a call that throws before it returns a promise as an error', async () => {
    const registry = new Registry();
    const sync: SyncAdapter = {
      ...local,
      generate: () => {
        throw new Error('at once');
      },
    };
    const timed = timeProviderCalls(new ProviderRegistry([sync]), providerCallHistogram(registry));
    const adapter = timed.get('local');
    if (adapter?.kind !== 'sync') throw new Error('not sync');
    expect(() => adapter.generate(request)).toThrow('at once');
    expect(await counts(registry)).toEqual({ 'local generate error': 1 });
  });
});
