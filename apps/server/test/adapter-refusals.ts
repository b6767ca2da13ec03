import type { AsyncAdapter } from '@genhub/core';
import type { Task } from '@genhub/core/schemas';
import { expect } from 'vitest';
import { vendorTask } from './vendor-task';

/** A URL's bytes, as an adapter's `download` reads them in production. */
export const fetchBytes = async (url: string) =>
  Buffer.from(await (await fetch(url)).arrayBuffer());

/** Submits `task` as the scheduler would, without references or a callback URL. */
export const submitTask = (adapter: AsyncAdapter, task: Task) =>
  adapter.submitJob({
    task,
    references: [],
    signal: AbortSignal.timeout(10_000),
    callbackUrl: null,
  });

/**
 * An async adapter refuses a model its vendor does not list before calling the vendor (`sent`
 * counts what reached the fake), and a listed model with a wrong key as unauthorized.
 */
export async function expectUnlistedModelAndWrongKeyRefused(refusal: {
  provider: string;
  unlisted: string;
  listed: string;
  adapter: AsyncAdapter;
  wrongKey: AsyncAdapter;
  sent: () => number;
}): Promise<void> {
  const { provider } = refusal;
  const before = refusal.sent();
  await expect(
    submitTask(refusal.adapter, vendorTask({ provider, model: refusal.unlisted })),
  ).rejects.toMatchObject({ code: 'invalid_request' });
  expect(refusal.sent()).toBe(before);
  await expect(
    submitTask(refusal.wrongKey, vendorTask({ provider, model: refusal.listed })),
  ).rejects.toMatchObject({ code: 'unauthorized' });
}

/**
 * An async adapter polls no URL off its vendor's API (the key would go there) and fails a job
 * reference it cannot read.
 */
export async function expectJobRefRefusals(
  adapter: AsyncAdapter,
  offApi: string,
  unreadable: string,
): Promise<void> {
  const signal = AbortSignal.timeout(10_000);
  await expect(adapter.pollJob(offApi, signal)).rejects.toMatchObject({
    code: 'provider_unavailable',
  });
  await expect(adapter.pollJob(unreadable, signal)).rejects.toMatchObject({ code: 'internal' });
}
