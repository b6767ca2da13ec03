import type { InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Task, TaskPage } from '@genhub/core/schemas';
import { mergeTask } from './merge-task';

const task = (id: string, updatedAt: number, status: Task['status'] = 'pending'): Task => ({
  id,
  owner: 'user-1',
  status,
  operation: 'generate',
  options: {},
  planId: null,
  planItemId: null,
  cost: null,
  starredAt: null,
  deletedAt: null,
  collectionIds: [],
  provider: 'local',
  model: 'local-preview',
  prompt: id,
  aspectRatio: '1:1',
  count: 1,
  outputFormat: 'png',
  resolution: null,
  seed: 1,
  safety: null,
  assetIds: [],
  error: null,
  attempts: 0,
  maxAttempts: 3,
  priority: 0,
  timeoutSeconds: 600,
  deadlineAt: 600_001,
  nextRunAt: null,
  retriedFromId: null,
  retriedById: null,
  parentGenerationId: null,
  planKind: null,
  title: null,
  warnings: [],
  fallback: [],
  triedProviders: [],
  generations: [],
  createdAt: 1,
  updatedAt,
  startedAt: null,
  finishedAt: null,
});

const data = (...pages: Task[][]): InfiniteData<TaskPage, string | null> => ({
  pages: pages.map((items) => ({ items, nextCursor: null, lastEventId: '0' })),
  pageParams: pages.map(() => null),
});

describe('mergeTask', () => {
  it('replaces a task in whichever page holds it', () => {
    const merged = mergeTask(data([task('b', 1)], [task('a', 1)]), {
      type: 'completed',
      task: task('a', 2, 'completed'),
    });
    expect(merged?.pages[1]?.items[0]?.status).toBe('completed');
  });

  it('keeps a newer cached state over an older snapshot', () => {
    const merged = mergeTask(data([task('a', 5, 'completed')]), {
      type: 'started',
      task: task('a', 3, 'processing'),
    });
    expect(merged?.pages[0]?.items[0]?.status).toBe('completed');
  });

  it('drops a task its retry replaced, as the reloaded gallery leaves it out', () => {
    const failed = task('a', 2, 'failed');
    const retry = { ...task('b', 3), retriedFromId: 'a' };
    const merged = mergeTask(data([failed]), {
      type: 'retried',
      task: { ...failed, updatedAt: 3, retriedById: 'b' },
    });
    expect(merged?.pages[0]?.items).toEqual([]);
    const withRetry = mergeTask(merged, { type: 'created', task: retry });
    expect(withRetry?.pages[0]?.items.map((t) => t.id)).toEqual(['b']);
    // A late event about the replaced task does not bring it back.
    const late = mergeTask(withRetry, {
      type: 'starred',
      task: { ...failed, updatedAt: 4, retriedById: 'b' },
    });
    expect(late?.pages[0]?.items.map((t) => t.id)).toEqual(['b']);
  });

  it('drops a deleted task', () => {
    const merged = mergeTask(data([task('b', 1), task('a', 1)]), {
      type: 'deleted',
      task: task('a', 1),
    });
    expect(merged?.pages[0]?.items.map((t) => t.id)).toEqual(['b']);
  });

  it('puts a new task at the top, but not one older than the first page', () => {
    const top = mergeTask(data([task('b', 1)]), { type: 'created', task: task('c', 1) });
    expect(top?.pages[0]?.items.map((t) => t.id)).toEqual(['c', 'b']);
    const old = mergeTask(data([task('b', 1)]), { type: 'created', task: task('a', 1) });
    expect(old?.pages[0]?.items.map((t) => t.id)).toEqual(['b']);
  });

  it('takes a task out of a view it no longer belongs in, and adds none to an oldest-first view', () => {
    const starredOnly = (t: Task) => t.starredAt !== null;
    const unstarred = mergeTask(
      data([{ ...task('a', 1), starredAt: 5 }]),
      { type: 'unstarred', task: task('a', 2) },
      starredOnly,
    );
    expect(unstarred?.pages[0]?.items).toEqual([]);
    const oldest = mergeTask(
      data([task('a', 1)]),
      { type: 'created', task: task('b', 1) },
      () => true,
      false,
    );
    expect(oldest?.pages[0]?.items.map((t) => t.id)).toEqual(['a']);
  });
});
