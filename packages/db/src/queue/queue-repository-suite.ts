import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { expectNumbers } from '../../test/expect-numbers';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { NewTaskRow } from '../schema';
import { countTasksByState } from './count-tasks-by-state';
import { deleteQueuePause } from './delete-queue-pause';
import { insertQueuePause } from './insert-queue-pause';
import { nameQueueRows } from './name-queue-rows';
import { readPausedScopes } from './read-paused-scopes';
import { readQueueRows } from './read-queue-rows';

/** A task row; `n` orders ids (and so time). */
function task(n: number, fields: Partial<NewTaskRow> = {}): NewTaskRow {
  return taskRow(`task-${String(n).padStart(3, '0')}`, {
    status: 'pending',
    prompt: `prompt ${n}`,
    seed: n,
    createdAt: t0 + n,
    updatedAt: t0 + n,
    ...fields,
  });
}

// Claim order on `local`: 002 (priority 5), 001, 003, 005 (priority 0, oldest first), 004 (-1).
const seeded: NewTaskRow[] = [
  task(1, { prompt: 'a fox', costUnit: 'credits', estimatedCost: 1.5 }),
  task(2, { owner: 'bob', priority: 5 }),
  task(3, {
    prompt: '',
    operation: 'remove-background',
    assetIds: ['asset-ann', 'asset-bob'],
    nextRunAt: t0 + 5_000,
  }),
  task(4, { priority: -1, assetIds: ['asset-unnamed'] }),
  // Sent back to wait after a start: still waiting, not running.
  task(5, { startedAt: t0 + 1_000, attempts: 1, assetIds: ['asset-bob'] }),
  task(6, { provider: 'other', owner: 'bob' }),
  task(7, { provider: 'other' }),
  task(10, { status: 'processing', attempts: 2, startedAt: t0 + 20_000 }),
  task(11, { status: 'processing', provider: 'other', owner: 'bob', startedAt: t0 + 10_000 }),
  task(12, { status: 'processing', provider: 'other', startedAt: t0 + 5_000 }),
  task(20, { status: 'completed' }),
  task(21, { status: 'failed', owner: 'bob' }),
  task(22, { status: 'canceled', provider: 'other' }),
];

function asset(id: string, owner: string, name: string | null) {
  return {
    id,
    file: `${id}.png`,
    mime: 'image/png',
    width: 64,
    height: 48,
    bytes: 1_000,
    sha256: 'x'.repeat(64),
    name,
    owner,
    createdAt: t0,
  };
}

/** What every dialect's queue status reads must do, run against each of them. */
export function queueRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`queue status reads (${dialect})`, () => {
    const data = useDataSource(open, async ({ db, t }) => {
      await db.insert(t.tasks).values(seeded);
      await db
        .insert(t.assets)
        .values([
          asset('asset-ann', 'ann', 'photo.png'),
          asset('asset-bob', 'bob', 'bob.png'),
          asset('asset-unnamed', 'ann', null),
        ]);
    });

    it('reads the paused scopes', async () => {
      expect(await readPausedScopes(data())).toEqual([]);
      const { db, t } = data();
      await db.insert(t.queuePauses).values([
        { scope: '*', pausedAt: t0 },
        { scope: 'other', pausedAt: t0 },
      ]);
      expect((await readPausedScopes(data())).sort()).toEqual(['*', 'other']);
      await db.delete(t.queuePauses);
      expect(await readPausedScopes(data())).toEqual([]);
    });

    it('pauses and resumes scopes, each once', async () => {
      const pause = (scope: string, at: number) =>
        data().run((d) => insertQueuePause(d, scope, at));
      const resume = (scope: string) => data().run((d) => deleteQueuePause(d, scope));
      const pausedAt = () =>
        data().db.select().from(data().t.queuePauses).orderBy(data().t.queuePauses.scope);
      await pause('*', t0);
      await pause('other', t0 + 1);
      // Paused again: it stays paused since the first time.
      await pause('*', t0 + 2);
      expect(await pausedAt()).toEqual([
        { scope: '*', pausedAt: t0 },
        { scope: 'other', pausedAt: t0 + 1 },
      ]);
      await resume('*');
      await resume('local');
      expect(await readPausedScopes(data())).toEqual(['other']);
      await resume('other');
      expect(await readPausedScopes(data())).toEqual([]);
    });

    it('counts tasks by provider and state, the owner’s or everyone’s, as numbers', async () => {
      expect(await countTasksByState(data(), 'ann')).toEqual([
        { provider: 'local', status: 'completed', count: 1 },
        { provider: 'local', status: 'pending', count: 4 },
        { provider: 'local', status: 'processing', count: 1 },
        { provider: 'other', status: 'canceled', count: 1 },
        { provider: 'other', status: 'pending', count: 1 },
        { provider: 'other', status: 'processing', count: 1 },
      ]);
      const everyone = await countTasksByState(data(), undefined);
      expect(everyone).toEqual([
        { provider: 'local', status: 'completed', count: 1 },
        { provider: 'local', status: 'failed', count: 1 },
        { provider: 'local', status: 'pending', count: 5 },
        { provider: 'local', status: 'processing', count: 1 },
        { provider: 'other', status: 'canceled', count: 1 },
        { provider: 'other', status: 'pending', count: 2 },
        { provider: 'other', status: 'processing', count: 2 },
      ]);
      expectNumbers(everyone, 'count');
      expect(await countTasksByState(data(), 'nobody')).toEqual([]);
    });

    it('lists the owner’s waiting tasks in claim order, placed among everyone’s', async () => {
      const { waiting } = await readQueueRows(data(), { owner: 'ann', waitingLimit: 10 });
      expect(waiting).toEqual([
        { id: 'task-001', provider: 'local', position: 2, priority: 0, nextRunAt: null },
        { id: 'task-003', provider: 'local', position: 3, priority: 0, nextRunAt: t0 + 5_000 },
        { id: 'task-005', provider: 'local', position: 4, priority: 0, nextRunAt: null },
        { id: 'task-004', provider: 'local', position: 5, priority: -1, nextRunAt: null },
        { id: 'task-007', provider: 'other', position: 2, priority: 0, nextRunAt: null },
      ]);
      const bob = await readQueueRows(data(), { owner: 'bob', waitingLimit: 10 });
      expect(bob.waiting.map((row) => [row.id, row.position])).toEqual([
        ['task-002', 1],
        ['task-006', 1],
      ]);
    });

    it('lists at most the limit of waiting tasks per provider', async () => {
      const ann = await readQueueRows(data(), { owner: 'ann', waitingLimit: 2 });
      expect(ann.waiting.map((row) => [row.id, row.position])).toEqual([
        ['task-001', 2],
        ['task-003', 3],
        ['task-007', 2],
      ]);
      const everyone = await readQueueRows(data(), { owner: undefined, waitingLimit: 2 });
      expect(everyone.waiting.map((row) => [row.id, row.position])).toEqual([
        ['task-002', 1],
        ['task-001', 2],
        ['task-006', 1],
        ['task-007', 2],
      ]);
    });

    it('lists running tasks longest running first, the owner’s or everyone’s', async () => {
      const ann = await readQueueRows(data(), { owner: 'ann', waitingLimit: 10 });
      expect(ann.running).toEqual([
        { id: 'task-012', provider: 'other', model: 'local-1', attempts: 0, startedAt: t0 + 5_000 },
        {
          id: 'task-010',
          provider: 'local',
          model: 'local-1',
          attempts: 2,
          startedAt: t0 + 20_000,
        },
      ]);
      const everyone = await readQueueRows(data(), { owner: undefined, waitingLimit: 10 });
      expect(everyone.running.map((row) => row.id)).toEqual(['task-012', 'task-011', 'task-010']);
      expect(await readQueueRows(data(), { owner: 'nobody', waitingLimit: 10 })).toEqual({
        running: [],
        waiting: [],
      });
    });

    it('names tasks by prompt, operation, first input’s file name (the owner’s) and price', async () => {
      const ids = ['task-001', 'task-003', 'task-004', 'task-005', 'missing'];
      const ann = await nameQueueRows(data(), { owner: 'ann', ids });
      expect([...ann.keys()].sort()).toEqual(['task-001', 'task-003', 'task-004', 'task-005']);
      expect(ann.get('task-001')).toEqual({
        prompt: 'a fox',
        operation: 'generate',
        assetIds: [],
        inputName: null,
        costUnit: 'credits',
        estimatedCost: 1.5,
      });
      expect(ann.get('task-003')).toEqual({
        prompt: '',
        operation: 'remove-background',
        assetIds: ['asset-ann', 'asset-bob'],
        inputName: 'photo.png',
        costUnit: null,
        estimatedCost: null,
      });
      expect(ann.get('task-004')?.inputName).toBeNull();
      // Another user's upload is not named to ann; everyone's view names it.
      expect(ann.get('task-005')?.inputName).toBeNull();
      const everyone = await nameQueueRows(data(), { owner: undefined, ids });
      expect(everyone.get('task-005')?.inputName).toBe('bob.png');
      expect(await nameQueueRows(data(), { owner: 'ann', ids: [] })).toEqual(new Map());
    });
  });
}
