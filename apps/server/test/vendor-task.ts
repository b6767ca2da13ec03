import type { Task } from '@genhub/core/schemas';

/**
 * A task as the engine hands it to an adapter, for calling an adapter straight at a strict
 * fake with values the server's own checks would refuse first.
 */
export function vendorTask(overrides: Partial<Task> & Pick<Task, 'provider' | 'model'>): Task {
  return {
    id: 'task-1',
    owner: 'user-1',
    status: 'processing',
    operation: 'generate',
    prompt: 'a red kite',
    aspectRatio: '1:1',
    count: 1,
    outputFormat: 'png',
    resolution: null,
    seed: 7,
    safety: null,
    assetIds: [],
    options: {},
    error: null,
    attempts: 1,
    maxAttempts: 1,
    priority: 0,
    timeoutSeconds: 600,
    deadlineAt: 0,
    nextRunAt: null,
    retriedFromId: null,
    retriedById: null,
    parentGenerationId: null,
    planId: null,
    planItemId: null,
    planKind: null,
    title: null,
    starredAt: null,
    deletedAt: null,
    collectionIds: [],
    cost: null,
    warnings: [],
    fallback: [],
    triedProviders: [],
    generations: [],
    createdAt: 0,
    updatedAt: 0,
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}
