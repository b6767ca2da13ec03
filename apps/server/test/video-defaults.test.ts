import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, startTestServer, waitForTask, type TestServer } from './test-server';

describe('a video request that names no aspect ratio or time limit', () => {
  let server: TestServer;
  let connection: ReturnType<typeof connectClient>;
  beforeAll(async () => {
    server = await startTestServer({ FFMPEG_PATH: 'off' });
    connection = connectClient(server.url);
  });
  afterAll(async () => {
    await connection.ws.close();
    await server.close();
  });

  it('gets a 16:9 clip and 30 minutes, where an image gets 1:1 and 10', async () => {
    const { client } = connection;
    const created = await client.task.create.mutate({
      operation: 'text-to-video',
      prompt: 'a lighthouse at dusk',
      options: { durationSeconds: 4 },
    });
    expect(created).toMatchObject({ aspectRatio: '16:9', timeoutSeconds: 1800 });
    expect(created.deadlineAt).toBe(created.createdAt + 1800 * 1000);
    const done = await waitForTask(server, client, created.id, 60_000);
    expect(done.status).toBe('completed');
    const [clip] = done.generations;
    expect(clip).toMatchObject({ mime: 'video/mp4', durationMs: 4000 });
    expect((clip?.width ?? 0) * 9).toBe((clip?.height ?? 0) * 16);

    const image = await client.task.create.mutate({ prompt: 'a still lighthouse' });
    expect(image).toMatchObject({ aspectRatio: '1:1', timeoutSeconds: 600 });
    expect(image.deadlineAt).toBe(image.createdAt + 600 * 1000);
    await waitForTask(server, client, image.id);
  });
});
