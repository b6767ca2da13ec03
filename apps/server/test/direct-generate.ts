import type { GenerateResult } from '@genhub/core';
import type { Task } from '@genhub/core/schemas';
import type { TestServer } from './test-server';

/**
 * Calls a sync provider's adapter as the scheduler would, with a task the server made and
 * then altered: for requests that task.create refuses up front (a retired id, a size the
 * model lacks), to see what the vendor says to them.
 */
export function generateDirect(
  server: TestServer,
  provider: string,
  task: Task,
): Promise<GenerateResult> {
  const adapter = server.app.core.providers.get(provider);
  if (adapter?.kind !== 'sync') throw new Error(`${provider} is not a sync provider`);
  return adapter.generate({
    task,
    references: [],
    signal: AbortSignal.timeout(10_000),
    callbackUrl: null,
  });
}

/** A POST straight to a fake vendor, for what its strictness refuses. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
