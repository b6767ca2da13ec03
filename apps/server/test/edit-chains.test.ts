import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeAll,
  connectClient,
  startTestServer,
  waitForTask,
  type TestServer,
} from './test-server';

describe('task.chain over the API', () => {
  let server: TestServer;
  let c: ReturnType<typeof connectClient>;
  beforeAll(async () => {
    server = await startTestServer();
    c = connectClient(server.url);
  });
  afterAll(() => closeAll(c, server));

  /** "Edit this" as every client does it: the result becomes an asset, an edit takes it. */
  async function editOf(generationId: string, prompt: string) {
    const asset = await c.client.asset.fromGeneration.mutate({ generationId });
    const created = await c.client.task.create.mutate({
      operation: 'edit',
      prompt,
      assetIds: [asset.id],
    });
    expect(created.parentGenerationId).toBe(generationId);
    const done = await waitForTask(server, c.client, created.id);
    expect(done.status).toBe('completed');
    return done;
  }

  it('links edits to the image they continue and returns the tree with its branches', async () => {
    const root = await c.client.task.create.mutate({ prompt: 'a lighthouse' });
    const first = await waitForTask(server, c.client, root.id);
    expect(first.parentGenerationId).toBeNull();
    const image = (t: typeof first) => t.generations[0]?.id ?? 'none';
    const two = await editOf(image(first), 'at night');
    const three = await editOf(image(two), 'with fog');
    const branch = await editOf(image(two), 'in snow');

    const chain = await c.client.task.chain.query({ taskId: three.id });
    expect(chain.rootTaskId).toBe(root.id);
    expect(chain.truncated).toBe(false);
    expect(chain.nodes.map((n) => [n.taskId, n.parentTaskId, n.prompt, n.status])).toEqual([
      [root.id, null, 'a lighthouse', 'completed'],
      [two.id, root.id, 'at night', 'completed'],
      [three.id, two.id, 'with fog', 'completed'],
      [branch.id, two.id, 'in snow', 'completed'],
    ]);
    expect(chain.nodes[1]?.generations).toEqual([
      { id: image(two), url: two.generations[0]?.url, thumbUrl: two.generations[0]?.thumbUrl },
    ]);
  });

  it('answers NOT_FOUND for a task that does not exist', async () => {
    await expect(c.client.task.chain.query({ taskId: 'nope' })).rejects.toMatchObject({
      data: { code: 'NOT_FOUND' },
    });
  });
});
