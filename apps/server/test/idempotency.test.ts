import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, startTestServer, type TestServer } from './test-server';

describe('idempotent task.create over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ LOCAL_PROVIDER_DELAY_MS: '50' });
  });
  afterAll(() => server.close());

  it('turns 100 concurrent creates with one key into one task', async () => {
    const { client, ws } = connectClient(server.url);
    const request = { prompt: 'double click', idempotencyKey: 'click-42' };
    const results = await Promise.all(
      Array.from({ length: 100 }, () => client.task.create.mutate(request)),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const { items } = await client.task.list.query({ limit: 100 });
    expect(items.filter((t) => t.prompt === 'double click')).toHaveLength(1);
    await ws.close();
  });
});
