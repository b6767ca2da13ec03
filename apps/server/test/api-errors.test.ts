import { TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, connectClient, startTestServer, type TestServer } from './test-server';

describe('typed errors', () => {
  let server: TestServer;
  let client: ReturnType<typeof connectClient>['client'];
  let close: () => Promise<void>;
  beforeAll(async () => {
    server = await startTestServer();
    const c = connectClient(server.url);
    client = c.client;
    close = () => c.ws.close();
  });
  afterAll(async () => {
    await close();
    await server.close();
  });

  const failure = async (call: Promise<unknown>) => {
    try {
      await call;
    } catch (error) {
      if (error instanceof TRPCClientError) return error as TRPCClientError<never>;
      throw error;
    }
    throw new Error('expected a failure');
  };

  it('names the field of invalid input', async () => {
    const error = await failure(client.task.create.mutate({ prompt: 'x', count: 7 }));
    expect(error.data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400, field: 'count' });
    expect(error.message).toContain('count');
  });

  it('rejects a capability mismatch naming the field', async () => {
    const error = await failure(client.task.create.mutate({ prompt: 'x', provider: 'nobody' }));
    expect(error.data).toMatchObject({ code: 'BAD_REQUEST', field: 'provider' });
    expect(error.message).toContain('Unknown provider');
  });

  it('refuses input nested deeper than any real one, before it is stored', async () => {
    // Written out: JSON.stringify itself overflows the stack at this depth.
    const deep = '{"deep":'.repeat(5000) + '"leaf"' + '}'.repeat(5000);
    const res = await fetch(`${server.url}/trpc/plan.create`, {
      method: 'POST',
      headers: { ...authHeaders(server.url), 'content-type': 'application/json' },
      body: `{"plan":{"plan_id":"p","batches":[],"extra":${deep}}}`,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.message).toMatch(/more than 64 levels deep/);
  });

  it('answers NOT_FOUND and CONFLICT with a human message', async () => {
    expect((await failure(client.task.get.query({ id: 'missing' }))).data).toMatchObject({
      code: 'NOT_FOUND',
    });
    const task = await client.task.create.mutate({ prompt: 'fine' });
    const error = await failure(client.task.retry.mutate({ id: task.id }));
    expect(error.data).toMatchObject({ code: 'CONFLICT', httpStatus: 409 });
    expect(error.message).toMatch(/only failed or canceled tasks can be retried/);
  });

  it('lists providers with their capabilities and nothing secret', async () => {
    const providers = await client.provider.list.query();
    expect(providers).toEqual([
      expect.objectContaining({
        id: 'local',
        configured: true,
        defaultModel: 'local-preview',
        models: [expect.objectContaining({ id: 'local-preview', maxImages: 4 })],
      }),
      expect.objectContaining({ id: 'kie', configured: false, hint: 'Set KIE_API_KEY' }),
      expect.objectContaining({
        id: 'openrouter',
        configured: false,
        hint: 'Set OPENROUTER_API_KEY',
      }),
      expect.objectContaining({ id: 'gemini', configured: false, hint: 'Set GEMINI_API_KEY' }),
      expect.objectContaining({ id: 'fal', configured: false, hint: 'Set FAL_KEY' }),
      expect.objectContaining({
        id: 'replicate',
        configured: false,
        hint: 'Set REPLICATE_API_TOKEN',
      }),
      expect.objectContaining({
        id: 'nanobanana',
        configured: false,
        hint: 'Set NANOBANANA_API_KEY',
      }),
    ]);
    expect(JSON.stringify(providers)).not.toMatch(/key-|sk-/);
    const error = await failure(client.task.create.mutate({ prompt: 'x', provider: 'kie' }));
    expect(error.data).toMatchObject({ code: 'PRECONDITION_FAILED', field: 'provider' });
    expect(error.message).toContain('KIE_API_KEY');
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await fetch(server.url + '/api/nothing');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
