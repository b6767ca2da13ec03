import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCClientError } from '@trpc/client';
import type { PlanSummary, VariationPlanInput } from '@genhub/core/schemas';
import { until } from '@genhub/core/testing';
import { startFakeKie } from './fake-kie';
import { startFakeNanobanana } from './fake-nanobanana';
import { startFakeOpenRouter } from './fake-openrouter';
import {
  connectClient,
  startTestServer,
  uploadAsset,
  waitForTask,
  type TestServer,
  solidPng,
} from './test-server';

/**
 * Seed 004's batch example, references by file name, naming OpenRouter's current Nano Banana
 * (the seed's `google/gemini-2.5-flash-image-preview` is retired).
 */
const seedPlan = (): VariationPlanInput => ({
  plan_id: 'nano-expression-batch-20251019',
  agent_id: 'Nano-banana',
  execution_config: { batch_size: 2, max_concurrent_requests: 2, retry_attempts: 3 },
  api_config: { model: 'google/gemini-nano-banana-2.1', timeout_seconds: 60 },
  batches: [
    {
      batch_id: 1,
      tasks: ['smile', 'surprise', 'wink'].map((face) => ({
        task_id: `expr-${face}`,
        reference_image: 'base.png',
        variation_instruction: {
          description: `${face} expression`,
          keep_consistent: ['pose', 'background'],
          change_elements: [`expression: ${face}`],
          nano_banana_parameters: { strength: 0.5 },
        },
      })),
    },
  ],
});

describe('plans and the cost ledger over the API', () => {
  let openRouter: Awaited<ReturnType<typeof startFakeOpenRouter>>;
  let nanobanana: Awaited<ReturnType<typeof startFakeNanobanana>>;
  let kie: Awaited<ReturnType<typeof startFakeKie>>;
  let server: TestServer;
  let c: ReturnType<typeof connectClient>;
  beforeAll(async () => {
    [openRouter, nanobanana, kie] = await Promise.all([
      startFakeOpenRouter(),
      startFakeNanobanana(),
      startFakeKie(),
    ]);
    server = await startTestServer(
      {
        OPENROUTER_API_KEY: openRouter.state.apiKey,
        OPENROUTER_BASE_URL: openRouter.url,
        NANOBANANA_API_KEY: nanobanana.state.apiKey,
        NANOBANANA_BASE_URL: nanobanana.url,
        KIE_API_KEY: kie.apiKey,
        KIE_BASE_URL: kie.url,
        KIE_UPLOAD_BASE_URL: kie.uploadUrl,
        INGEST_ALLOW_HOSTS: [nanobanana.url, kie.url].map((u) => new URL(u).host).join(','),
        PRICE_OVERRIDES: 'nanobanana/nano-banana:enhance=3',
        MONTHLY_BUDGET: '20 credits',
      },
      { scheduler: { pollDelayMs: () => 20, backoff: { baseMs: 10, capMs: 40 } } },
    );
    c = connectClient(server.url);
    const base = await solidPng(768, 1024, '#c96');
    await uploadAsset(server.url, base, 'image/png', 'base.png');
  });
  afterAll(async () => {
    await c.ws.close();
    await server.close();
    await Promise.all([openRouter.close(), nanobanana.close(), kie.close()]);
  });

  it('runs the seed plan on the provider of its model, pushing progress, and records the reported charge', async () => {
    const estimate = await c.client.plan.estimate.query({ plan: seedPlan() });
    // OpenRouter lists no price; each reply's usage.cost is the charge.
    expect(estimate).toMatchObject({
      provider: 'openrouter',
      model: 'google/gemini-nano-banana-2.1',
      tasks: 3,
      amount: null,
      unit: null,
      problems: [],
    });

    const seen: PlanSummary[] = [];
    openRouter.state.delayMs = 150;
    openRouter.state.maxInFlight = 0;
    const plan = await c.client.plan.create.mutate({ plan: seedPlan() });
    const sub = c.client.plan.updates.subscribe({ id: plan.id }, { onData: (s) => seen.push(s) });
    await until(() => seen.at(-1)?.status === 'completed', 15_000, 'the plan to complete');
    sub.unsubscribe();
    openRouter.state.delayMs = 0;
    // Three variations, max_concurrent_requests 2, as the provider saw them.
    expect(openRouter.state.maxInFlight).toBe(2);
    expect(seen.at(-1)).toMatchObject({
      counts: { completed: 3 },
      spent: 3 * openRouter.state.cost,
    });
    expect(seen.length).toBeGreaterThanOrEqual(2);

    const { tasks } = await c.client.plan.get.query({ id: plan.id });
    expect(tasks.map((t) => t.cost)).toEqual(
      Array(3).fill({
        unit: 'USD',
        estimated: null,
        actual: openRouter.state.cost,
        source: 'provider',
      }),
    );
    // The variation prompt went to OpenRouter with the reference image.
    const sent = openRouter.state.requests.at(-1)?.body as {
      messages: { content: { type: string; text?: string }[] }[];
    };
    expect(sent.messages[0]?.content.map((p) => p.type)).toEqual(['text', 'image_url']);
    expect(sent.messages[0]?.content[0]?.text).toMatch(
      /^Edit the reference image: .* expression\.\nKeep exactly as in the reference:\n- pose/,
    );
  });

  it('reports a bad plan field by its JSON path', async () => {
    const plan = seedPlan();
    plan.batches[0]!.tasks[1]!.variation_instruction.nano_banana_parameters = { strength: 0.95 };
    const error = await c.client.plan.estimate.query({ plan }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect(error).toMatchObject({
      data: {
        code: 'BAD_REQUEST',
        field: 'plan.batches.0.tasks.1.variation_instruction.nano_banana_parameters.strength',
      },
    });
    const missing = seedPlan();
    missing.batches[0]!.tasks[2]!.reference_image = 'nope.png';
    await expect(c.client.plan.create.mutate({ plan: missing })).rejects.toMatchObject({
      data: { code: 'BAD_REQUEST', field: 'plan.batches.0.tasks.2.reference_image' },
    });
  });

  it('ledger: credits as the nanobanana API and KIE report them, overrides, usage and the monthly cap', async () => {
    const image = await solidPng(64, 64, '#246');
    const asset = await uploadAsset(server.url, image);
    const enhance = await c.client.task.create.mutate({
      provider: 'nanobanana',
      operation: 'enhance',
      assetIds: [asset.id],
    });
    // The estimate is the overridden list price (3); the charge is what the API said (4).
    expect(enhance.cost).toEqual({ unit: 'credits', estimated: 3, actual: null, source: null });
    expect((await waitForTask(server, c.client, enhance.id)).cost).toEqual({
      unit: 'credits',
      estimated: 3,
      actual: 4,
      source: 'provider',
    });

    const kieTask = await c.client.task.create.mutate({
      provider: 'kie',
      model: 'google/nano-banana',
      prompt: 'a fox',
    });
    // KIE lists no price; its creditsConsumed is the cost.
    expect(kieTask.cost).toBeNull();
    expect((await waitForTask(server, c.client, kieTask.id)).cost).toEqual({
      unit: 'credits',
      estimated: null,
      actual: 4,
      source: 'provider',
    });

    // OpenRouter's usage.cost is in dollars, kept apart: the seed plan's three replies above.
    const spent = 8;
    const usage = await c.client.account.usage.query({ utcOffsetMinutes: 0 });
    expect(usage.thisMonth).toEqual(
      expect.arrayContaining([
        { unit: 'credits', amount: spent },
        { unit: 'USD', amount: 3 * openRouter.state.cost },
      ]),
    );
    expect(usage.thisMonth).toHaveLength(2);
    expect(usage.rows.map((r) => [r.provider, r.unit, r.amount])).toEqual(
      expect.arrayContaining([
        ['nanobanana', 'credits', 4],
        ['kie', 'credits', 4],
        ['openrouter', 'USD', 3 * openRouter.state.cost],
      ]),
    );
    expect(usage.budgets).toEqual([{ unit: 'credits', cap: 20, spent, reserved: 0 }]);

    // What is spent + 5 (an edit) is fine; a batch of 3 edits (15) would pass the 20 cap.
    await expect(
      c.client.task.create.mutate({
        provider: 'nanobanana',
        operation: 'batch-edit',
        prompt: 'x',
        assetIds: [asset.id, asset.id, asset.id],
      }),
    ).rejects.toMatchObject({
      data: { code: 'PRECONDITION_FAILED' },
      message: expect.stringContaining(`monthly cap of 20 credits: ${spent} spent`) as unknown,
    });
  });
});
