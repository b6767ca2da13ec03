import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, startTestServer, type TestServer } from './test-server';

describe('gallery search over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it.each(['a\u0000b', 'fox\u0000', '"unterminated', 'NEAR(fox', 'prompt:fox', 'fox OR', '^*'])(
    'answers %j with a page, never a 500',
    async (search) => {
      const input = encodeURIComponent(JSON.stringify({ search }));
      const res = await fetch(`${server.url}/trpc/generation.list?input=${input}`, {
        headers: authHeaders(server.url),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ result: { data: { items: [] } } });
    },
  );
});
