import { createHash } from 'node:crypto';
import { until } from '@genhub/core/testing';
import { eq } from 'drizzle-orm';
import {
  authHeaders,
  solidPng,
  uploadAsset,
  waitForTask,
  type connectClient,
  type TestServer,
} from '../test-server';
import { onePlan, type FuzzIds } from './valid-inputs';
import type { CallbackTarget } from './webhook-cases';

type Client = ReturnType<typeof connectClient>['client'];

/** Items made before the fuzz that it must leave as they are: ids it never sees. */
export interface Protected {
  taskIds: string[];
  assetId: string;
  collectionId: string;
  planId: string;
  /** Every stored file of those, by URL. */
  fileUrls: string[];
}

/** What was seeded: untouchable items, items for the fuzzer, and live callback targets. */
export interface Seeded {
  protected: Protected;
  ids: FuzzIds;
  fileName: string;
  hooks: CallbackTarget[];
}

async function generate(
  server: TestServer,
  client: Client,
  prompt: string,
  seed: number,
  count = 1,
) {
  const task = await client.task.create.mutate({ prompt, seed, count, provider: 'local' });
  return waitForTask(server, client, task.id);
}

async function runPlan(
  server: TestServer,
  client: Client,
  assetId: string,
  itemId: string,
): Promise<string> {
  const created = await client.plan.create.mutate({
    plan: onePlan(assetId, itemId),
    provider: 'local',
    confirmOverBudget: true,
  });
  const { tasks } = await client.plan.get.query({ id: created.id });
  for (const task of tasks) await waitForTask(server, client, task.id);
  return created.id;
}

/** A task of an async provider, once it was claimed and so has its callback token. */
async function callbackTarget(
  server: TestServer,
  client: Client,
  provider: CallbackTarget['provider'],
): Promise<CallbackTarget> {
  const task = await client.task.create.mutate({ prompt: 'a callback target', provider });
  const { db, t } = server.app.core.data;
  const row = async () => {
    const [found] = await db
      .select({ callbackToken: t.tasks.callbackToken, providerJobId: t.tasks.providerJobId })
      .from(t.tasks)
      .where(eq(t.tasks.id, task.id));
    return found;
  };
  await until(
    async () => {
      const found = await row();
      return Boolean(found?.callbackToken && found.providerJobId);
    },
    15_000,
    `${provider} task to be submitted`,
  );
  const { callbackToken, providerJobId } = (await row()) ?? {};
  return { provider, taskId: task.id, token: callbackToken ?? '', jobId: providerJobId ?? '' };
}

/** Seeds the protected items, the fuzzer's own items, and one callback target per signing provider. */
export async function seedData(server: TestServer, client: Client): Promise<Seeded> {
  const [kept, starred] = [
    await generate(server, client, 'protected lighthouse at dusk', 11),
    await generate(server, client, 'protected orchard in fog', 12, 2),
  ];
  await client.generation.star.mutate({ ids: [starred.id], starred: true });
  const keptAsset = await uploadAsset(
    server.url,
    await solidPng(512, 512, '#123456'),
    'image/png',
    'kept.png',
  );
  const keptCollection = await client.collection.create.mutate({ name: 'protected set' });
  await client.collection.add.mutate({ collectionId: keptCollection.id, ids: [kept.id] });
  const keptPlan = await runPlan(server, client, keptAsset.id, 'protected-1');

  const mine = await generate(server, client, 'a red kite over hills', 7);
  const asset = await uploadAsset(
    server.url,
    await solidPng(512, 512, '#abcdef'),
    'image/png',
    'fuzz.png',
  );
  const collection = await client.collection.create.mutate({ name: 'fuzz set' });
  const plan = await runPlan(server, client, asset.id, 'fuzz-0');
  const hooks = [];
  for (const provider of ['kie', 'fal', 'replicate'] as const)
    hooks.push(await callbackTarget(server, client, provider));

  const generation = mine.generations[0];
  if (!generation) throw new Error('the seeded task made no image');
  return {
    protected: {
      taskIds: [kept.id, starred.id],
      assetId: keptAsset.id,
      collectionId: keptCollection.id,
      planId: keptPlan,
      fileUrls: [kept, starred]
        .flatMap((t) => t.generations.flatMap((g) => [g.url, g.thumbUrl]))
        .concat(keptAsset.url),
    },
    ids: {
      taskId: mine.id,
      generationId: generation.id,
      assetId: asset.id,
      planId: plan,
      collectionId: collection.id,
    },
    fileName: generation.url.split('/').at(-1) ?? '',
    hooks,
  };
}

/** The protected items as clients see them, with a hash of each stored file. */
export async function snapshotProtected(
  url: string,
  client: Client,
  items: Protected,
): Promise<string> {
  const tasks = await Promise.all(items.taskIds.map((id) => client.task.get.query({ id })));
  const assets = await client.asset.byIds.query({ ids: [items.assetId] });
  const collection =
    (await client.collection.list.query()).find((c) => c.id === items.collectionId) ?? null;
  const plan = await client.plan.get.query({ id: items.planId });
  const files = await Promise.all(
    items.fileUrls.map(async (file) => {
      const res = await fetch(url + file, { headers: authHeaders(url) });
      return `${file} ${res.status} ${createHash('sha256')
        .update(Buffer.from(await res.arrayBuffer()))
        .digest('hex')}`;
    }),
  );
  return JSON.stringify({ tasks, assets, collection, plan, files }, null, 1);
}
