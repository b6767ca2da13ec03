import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, keyClient } from './account-fixtures';
import { memberWithKey } from './user-with-key';
import { noisePng } from './noise-png';
import { startTestServer, type TestServer } from './test-server';

describe('a user’s own limits, set by an admin', { timeout: 60_000 }, () => {
  let server: TestServer;
  let bob: Awaited<ReturnType<typeof memberWithKey>>;
  let carol: Awaited<ReturnType<typeof memberWithKey>>;
  const admin = () => keyClient(server, server.key ?? '');
  const upload = async (key: string, png: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'big.png');
    const res = await fetch(`${server.url}/api/assets`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${key}` },
    });
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    server = await startTestServer({ RATE_LIMIT_TASKS: '100', RATE_LIMIT_UPLOADS: '100' });
    bob = await memberWithKey(server, 'bob@genhub.test');
    carol = await memberWithKey(server, 'carol@genhub.test');
    await admin().admin.users.setLimits.mutate({ id: bob.id, tasksPerMinute: 2, maxUploadMb: 1 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('lists them with the user, null where the server’s apply, and refuses what is out of range', async () => {
    const users = await admin().admin.users.list.query();
    const limitsOf = (id: string) => users.find((u) => u.id === id)?.limits;
    expect(limitsOf(bob.id)).toEqual({ tasksPerMinute: 2, maxUploadMb: 1 });
    expect(limitsOf(carol.id)).toEqual({ tasksPerMinute: null, maxUploadMb: null });
    const tooBig = admin().admin.users.setLimits.mutate({
      id: carol.id,
      tasksPerMinute: null,
      maxUploadMb: 11,
    });
    expect((await failure(tooBig)).code).toBe('BAD_REQUEST');
  });

  it('holds Bob to his task rate, and only Bob', async () => {
    const create = (key: string) =>
      keyClient(server, key).task.create.mutate({ prompt: 'rate', provider: 'local' });
    await create(bob.key);
    await create(bob.key);
    const third = await failure(create(bob.key));
    expect(third.code).toBe('TOO_MANY_REQUESTS');
    expect(third.message).toMatch(/at most 2 a minute for each user/);
    for (let i = 0; i < 3; i++) await create(carol.key);
  });

  it('holds Bob to his upload size, and only Bob', async () => {
    const png = await noisePng(700, 700);
    expect(png.byteLength).toBeGreaterThan(1024 * 1024);
    const his = await upload(bob.key, png);
    expect(his).toEqual({
      status: 413,
      body: {
        error: {
          code: 'PAYLOAD_TOO_LARGE',
          message: 'An image may be at most 1 MB for your account',
        },
      },
    });
    expect((await upload(carol.key, png)).status).toBe(201);
  });
});
