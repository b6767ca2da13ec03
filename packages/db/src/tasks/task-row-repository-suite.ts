import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { NewTaskRow } from '../schema';
import { readTaskRow } from './read-task-row';

/** A failed, retried, starred task with every kind of column set: it must read back as written. */
const full: NewTaskRow = taskRow('full', {
  status: 'failed',
  operation: 'edit',
  resolution: '2K',
  safety: 'strict',
  assetIds: ['asset-1', 'asset-2'],
  options: { strength: 0.5, returnMask: true, style: 'ink' },
  errorCode: 'provider_error',
  errorMessage: 'the vendor said no',
  errorRetryable: false,
  errorAttempt: 2,
  attempts: 2,
  maxAttempts: 4,
  deadlineAt: t0 + 600_000,
  priority: -3,
  warnings: ['size differs'],
  fallback: [{ provider: 'kie', model: 'nano-banana' }],
  triedProviders: ['gemini'],
  planId: 'plan-1',
  planItemId: 'item-1',
  planBatch: 2,
  retryDelayMs: 5_000_000_000,
  estimatedCost: 0.25,
  costUnit: 'usd',
  actualCost: 0.125,
  costSource: 'provider',
  starredAt: t0 + 1,
  retriedById: 'retry',
  parentGenerationId: 'gen-parent',
  startedAt: t0 + 2,
  finishedAt: t0 + 3,
});

const seeded: NewTaskRow[] = [
  full,
  taskRow('retry', { retriedFromId: 'full', status: 'pending' }),
  taskRow('trashed', { deletedAt: t0 }),
  taskRow('bob-1', { owner: 'bob' }),
];

/** What every dialect's read of one task row must do, run against each of them. */
export function taskRowRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`task row reads (${dialect})`, () => {
    const data = useDataSource(open, async ({ db, t }) => {
      await db.insert(t.tasks).values(seeded);
    });

    it('reads the whole row back as written, numbers as numbers and JSON as values', async () => {
      const row = await readTaskRow(data(), 'full', 'ann');
      expect(row).toMatchObject({ ...full, owner: 'ann' });
      for (const key of [
        'count',
        'seed',
        'attempts',
        'errorAttempt',
        'priority',
        'deadlineAt',
        'planBatch',
        'retryDelayMs',
        'estimatedCost',
        'actualCost',
        'starredAt',
        'createdAt',
        'finishedAt',
      ] as const) {
        expect(typeof row?.[key], key).toBe('number');
      }
      expect(row?.errorRetryable).toBe(false);
    });

    it('fills the defaults and nulls of a plain row', async () => {
      expect(await readTaskRow(data(), 'retry', 'ann')).toMatchObject({
        id: 'retry',
        status: 'pending',
        retriedFromId: 'full',
        retriedById: null,
        assetIds: [],
        options: {},
        warnings: [],
        fallback: [],
        triedProviders: [],
        errorCode: null,
        errorRetryable: null,
        resolution: null,
        nextRunAt: null,
        estimatedCost: null,
        attempts: 0,
        maxAttempts: 3,
      });
    });

    it("keeps to the user's rows: another's task reads as missing", async () => {
      expect(await readTaskRow(data(), 'bob-1', 'ann')).toBeUndefined();
      expect(await readTaskRow(data(), 'full', 'bob')).toBeUndefined();
      expect((await readTaskRow(data(), 'bob-1', 'bob'))?.owner).toBe('bob');
    });

    it("reads any owner's task without a user (the server, an admin)", async () => {
      expect((await readTaskRow(data(), 'bob-1', undefined))?.owner).toBe('bob');
      expect((await readTaskRow(data(), 'full', undefined))?.id).toBe('full');
    });

    it('is undefined for a missing task, and still reads a trashed one', async () => {
      expect(await readTaskRow(data(), 'missing', 'ann')).toBeUndefined();
      expect(await readTaskRow(data(), 'missing', undefined)).toBeUndefined();
      expect(await readTaskRow(data(), '', 'ann')).toBeUndefined();
      expect(await readTaskRow(data(), 'trashed', 'ann')).toMatchObject({
        id: 'trashed',
        deletedAt: t0,
      });
    });
  });
}
