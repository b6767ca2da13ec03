/** Ids of items made for the fuzzer to use (and destroy): never those it must leave alone. */
export interface FuzzIds {
  taskId: string;
  generationId: string;
  assetId: string;
  planId: string;
  collectionId: string;
}

/** A one-task variation plan over `assetId`, as seed 004 writes them. */
export const onePlan = (assetId: string, taskId: string) => ({
  plan_id: `plan-${taskId}`,
  execution_config: { batch_size: 1, max_concurrent_requests: 1, retry_attempts: 0 },
  api_config: { model: 'local-preview', timeout_seconds: 60 },
  batches: [
    {
      batch_id: 1,
      tasks: [
        {
          task_id: taskId,
          reference_image: assetId,
          variation_instruction: {
            description: 'warmer light',
            keep_consistent: ['pose'],
            change_elements: ['light: warm'],
            nano_banana_parameters: { strength: 0.5, prompt_weight: 'soft' },
          },
        },
      ],
    },
  ],
});

/**
 * One valid input per procedure, the seed of its "almost valid" mutations. A procedure missing
 * here is still fuzzed, from no input.
 */
export function validInputs(ids: FuzzIds): Record<string, unknown> {
  const plan = { plan: onePlan(ids.assetId, 'fuzz-1'), provider: 'local', outputFormat: 'png' };
  return {
    'task.create': {
      operation: 'generate',
      prompt: 'a red kite over hills',
      provider: 'local',
      aspectRatio: '16:9',
      count: 1,
      outputFormat: 'webp',
      seed: 7,
      priority: 0,
      maxAttempts: 1,
      timeoutSeconds: 60,
      idempotencyKey: 'fuzz-create',
      fallback: [{ provider: 'local', model: 'local-preview' }],
    },
    'task.get': { id: ids.taskId },
    'task.chain': { taskId: ids.taskId },
    'task.list': { limit: 10, status: 'completed', cursor: null },
    'task.cancel': { id: ids.taskId },
    'task.retry': { id: ids.taskId },
    'task.setPriority': { id: ids.taskId, priority: 5 },
    'task.events': { lastEventId: '1', taskId: ids.taskId },
    'queue.pause': { provider: 'local' },
    'queue.resume': { provider: 'local' },
    'queue.retryFailed': { provider: 'local' },
    'account.usage': { utcOffsetMinutes: 60 },
    'plan.estimate': { ...plan, budget: 10 },
    'plan.create': { ...plan, budget: 10, confirmOverBudget: true },
    'plan.get': { id: ids.planId },
    'plan.list': { limit: 5, cursor: null },
    'plan.batchEdit': {
      prompt: 'make it dusk',
      assetIds: [ids.assetId],
      provider: 'local',
      strength: 0.5,
      outputFormat: 'png',
      maxConcurrent: 1,
      retryAttempts: 0,
      budget: 5,
      confirmOverBudget: true,
    },
    'plan.cancel': { id: ids.planId },
    'plan.retryFailed': { id: ids.planId, budget: 5 },
    'plan.updates': { id: ids.planId },
    'generation.list': {
      limit: 10,
      sort: 'oldest',
      search: 'kite hills',
      status: 'completed',
      provider: 'local',
      operation: 'generate',
      aspectRatio: '16:9',
      from: 0,
      to: 4_102_444_800_000,
      starred: false,
      trash: false,
    },
    'generation.star': { ids: [ids.taskId], starred: true },
    'generation.delete': { ids: [ids.taskId] },
    'generation.restore': { ids: [ids.taskId] },
    'collection.create': { name: 'fuzzed' },
    'collection.rename': { id: ids.collectionId, name: 'renamed' },
    'collection.delete': { id: ids.collectionId },
    'collection.add': { collectionId: ids.collectionId, ids: [ids.taskId] },
    'collection.remove': { collectionId: ids.collectionId, ids: [ids.taskId] },
    'asset.byIds': { ids: [ids.assetId] },
    'asset.fromGeneration': { generationId: ids.generationId },
  };
}
