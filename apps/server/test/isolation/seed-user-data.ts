import { createHash } from 'node:crypto';
import { until } from '@genhub/core/testing';
import { onePlan } from '../fuzz/valid-inputs';
import { solidPng, statusOf, type TestServer } from '../test-server';
import type { WalkUser } from './walk-users';

/** One user's things: every kind of row a procedure can reach, and their stored files. */
export interface UserData {
  taskId: string;
  generationId: string;
  assetId: string;
  planId: string;
  collectionId: string;
  /** A webhook endpoint (to an address that never resolves) and a delivery to it. */
  webhookEndpointId: string;
  webhookDeliveryId: string;
  /** URLs of every stored file of those. */
  fileUrls: string[];
}

const finished = ['completed', 'failed', 'canceled'];

async function upload(server: TestServer, user: WalkUser): Promise<{ id: string; url: string }> {
  const form = new FormData();
  const png = await solidPng(512, 512, '#3a6ea5');
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'mine.png');
  const res = await fetch(`${server.url}/api/assets`, {
    method: 'POST',
    body: form,
    headers: user.headers,
  });
  if (res.status !== 201) throw new Error(`upload failed: HTTP ${res.status}`);
  return (await res.json()) as { id: string; url: string };
}

/** Makes a starred, collected image, an upload and a finished plan as `user`. */
export async function seedUserData(server: TestServer, user: WalkUser): Promise<UserData> {
  const { client } = user;
  const asset = await upload(server, user);
  const created = await client.task.create.mutate({
    prompt: 'a private harbour',
    provider: 'local',
  });
  await until(
    async () => (await statusOf(server, created.id)) === 'completed',
    15_000,
    'the seeded task',
  );
  const task = await client.task.get.query({ id: created.id });
  const generation = task.generations[0];
  if (!generation) throw new Error('the seeded task made no image');
  await client.generation.star.mutate({ ids: [task.id], starred: true });
  const collection = await client.collection.create.mutate({ name: 'private set' });
  await client.collection.add.mutate({ collectionId: collection.id, ids: [task.id] });
  const plan = await client.plan.create.mutate({
    plan: onePlan(asset.id, 'private-1'),
    provider: 'local',
    confirmOverBudget: true,
  });
  const { endpoint } = await client.webhooks.endpoints.create.mutate({
    url: 'https://hooks.alice.invalid/genhub',
    events: ['task.completed', 'plan.finished'],
  });
  const ping = await client.webhooks.endpoints.test.mutate({ id: endpoint.id });
  const { tasks } = await client.plan.get.query({ id: plan.id });
  await until(
    async () =>
      (await Promise.all(tasks.map((t) => statusOf(server, t.id)))).every((s) =>
        finished.includes(s),
      ),
    15_000,
    'the seeded plan',
  );
  return {
    taskId: task.id,
    generationId: generation.id,
    assetId: asset.id,
    planId: plan.id,
    collectionId: collection.id,
    webhookEndpointId: endpoint.id,
    webhookDeliveryId: ping.id,
    fileUrls: [generation.url, generation.thumbUrl, asset.url],
  };
}

/** Everything of `data` as its owner sees it, files hashed: equal before and after means untouched. */
export async function snapshotUserData(
  server: TestServer,
  user: WalkUser,
  data: UserData,
): Promise<string> {
  const { client } = user;
  const files = await Promise.all(
    data.fileUrls.map(async (url) => {
      const res = await fetch(server.url + url, { headers: user.headers });
      const hash = createHash('sha256')
        .update(Buffer.from(await res.arrayBuffer()))
        .digest('hex');
      return `${url} ${res.status} ${hash}`;
    }),
  );
  return JSON.stringify({
    task: await client.task.get.query({ id: data.taskId }),
    assets: await client.asset.byIds.query({ ids: [data.assetId] }),
    collections: await client.collection.list.query(),
    plan: await client.plan.get.query({ id: data.planId }),
    // What the walk could change; not what the delivery worker changes as it retries.
    webhooks: (await client.webhooks.endpoints.list.query()).map(
      ({ id, url, description, events, enabled }) => ({ id, url, description, events, enabled }),
    ),
    deliveries: (await client.webhooks.deliveries.list.query({})).items.map(
      ({ id, messageId, eventType }) => ({ id, messageId, eventType }),
    ),
    files,
  });
}
