import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import type { generations, NewTaskRow } from '../schema';
import { readTaskChain } from './read-task-chain';

/** A finished step: its id names it, `parent` is the step whose image it continued. */
function step(id: string, parent: string | null, fields: Partial<NewTaskRow> = {}): NewTaskRow {
  return taskRow(id, {
    operation: parent === null ? 'generate' : 'edit',
    prompt: `step ${id}`,
    parentGenerationId: parent === null ? null : `gen-${parent}`,
    ...fields,
  });
}

function image(taskId: string): typeof generations.$inferInsert {
  return {
    id: `gen-${taskId}`,
    taskId,
    index: 0,
    file: `${taskId}.png`,
    thumbFile: `${taskId}.webp`,
    width: 8,
    height: 8,
    mime: 'image/png',
    bytes: 1,
    sha256: 'x'.repeat(64),
    createdAt: t0,
  };
}

/** A line of `length` steps, `${prefix}-00` the first, each continuing the one before. */
function line(prefix: string, length: number): NewTaskRow[] {
  const id = (i: number) => `${prefix}-${String(i).padStart(2, '0')}`;
  return Array.from({ length }, (_, i) => step(id(i), i === 0 ? null : id(i - 1)));
}

const seeded: NewTaskRow[] = [
  // ann's tree: a, b and e continue a; c and d (a branch) continue b.
  step('a', null),
  step('b', 'a'),
  step('c', 'b'),
  step('d', 'b'),
  step('r1', 'a', { status: 'failed', retriedById: 'r2' }),
  step('r2', 'a', { retriedFromId: 'r1' }),
  step('trashed', 'a', { deletedAt: t0 }),
  step('trashed-child', 'trashed'),
  // bob's step continuing ann's image (a forged or old row), and his own edit of it.
  step('bob-1', 'c', { owner: 'bob' }),
  step('bob-2', 'bob-1', { owner: 'bob' }),
  // Two steps continuing each other, as only forged rows could.
  step('loop-1', 'loop-2'),
  step('loop-2', 'loop-1'),
  // Breadth first: the deep step sorts before the wide ones but comes after them.
  step('w', null),
  step('w-z1', 'w'),
  step('w-z2', 'w'),
  step('w-a0', 'w-z1'),
  ...line('line', 8),
  // A root with more children than fit.
  step('fan', null),
  ...Array.from({ length: 7 }, (_, i) => step(`fan-${i}`, 'fan')),
];

/** What every dialect's edit-chain read must do, run against each of them. */
export function taskChainRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`task chain reads (${dialect})`, () => {
    const data = useDataSource(open, async ({ db, t }) => {
      await db.insert(t.tasks).values(seeded);
      await db.insert(t.generations).values(seeded.map((row) => image(row.id)));
    });

    /** `owner` null for everyone's steps. */
    const chainOf = async (taskId: string, owner: string | null = 'ann', maxNodes = 200) => {
      const chain = await readTaskChain(data(), { taskId, owner: owner ?? undefined, maxNodes });
      return (
        chain && {
          root: chain.root.id,
          ids: chain.rows.map((row) => row.id),
          truncated: chain.truncated,
        }
      );
    };

    it('returns the whole tree from any step, breadth first, without replaced or trashed steps', async () => {
      for (const from of ['a', 'b', 'c', 'd', 'r2']) {
        expect(await chainOf(from)).toEqual({
          root: 'a',
          ids: ['a', 'b', 'r2', 'c', 'd'],
          truncated: false,
        });
      }
      // Replaced and trashed steps still lead to their root, but are no branch of their own.
      expect((await chainOf('r1'))?.ids).toEqual(['a', 'b', 'r2', 'c', 'd']);
      expect((await chainOf('trashed-child'))?.ids).toEqual(['a', 'b', 'r2', 'c', 'd']);
    });

    it('returns whole rows, with numbers as numbers', async () => {
      const chain = await readTaskChain(data(), { taskId: 'b', owner: 'ann', maxNodes: 200 });
      expect(chain?.root).toMatchObject({
        id: 'a',
        prompt: 'step a',
        parentGenerationId: null,
        status: 'completed',
        createdAt: t0,
        count: 1,
      });
      expect(typeof chain?.root.createdAt).toBe('number');
      expect(chain?.rows[1]).toMatchObject({ id: 'b', parentGenerationId: 'gen-a' });
    });

    it("keeps to the user's steps: another's task is not found, their steps are not in the chain", async () => {
      expect(await chainOf('a', 'bob')).toBeUndefined();
      expect(await chainOf('c', 'bob')).toBeUndefined();
      expect(await chainOf('missing')).toBeUndefined();
      expect((await chainOf('a'))?.ids).not.toContain('bob-1');
      // Bob's walk up stops where ann's steps begin.
      expect(await chainOf('bob-2', 'bob')).toEqual({
        root: 'bob-1',
        ids: ['bob-1', 'bob-2'],
        truncated: false,
      });
      // Without a user (the server, an admin), every owner's steps are one tree.
      expect(await chainOf('bob-2', null)).toEqual({
        root: 'a',
        ids: ['a', 'b', 'r2', 'c', 'd', 'bob-1', 'bob-2'],
        truncated: false,
      });
    });

    it('walks a cycle of forged rows once', async () => {
      expect(await chainOf('loop-1')).toEqual({
        root: 'loop-2',
        ids: ['loop-2', 'loop-1'],
        truncated: false,
      });
      expect(await chainOf('loop-2')).toEqual({
        root: 'loop-1',
        ids: ['loop-1', 'loop-2'],
        truncated: false,
      });
    });

    it('stops at maxNodes steps, level by level, and says so', async () => {
      expect(await chainOf('w', 'ann', 3)).toEqual({
        root: 'w',
        ids: ['w', 'w-z1', 'w-z2'],
        truncated: true,
      });
      expect(await chainOf('w', 'ann', 4)).toEqual({
        root: 'w',
        ids: ['w', 'w-z1', 'w-z2', 'w-a0'],
        truncated: false,
      });
      expect(await chainOf('fan-3', 'ann', 5)).toEqual({
        root: 'fan',
        ids: ['fan', 'fan-0', 'fan-1', 'fan-2', 'fan-3'],
        truncated: true,
      });
      expect((await chainOf('fan', 'ann', 8))?.truncated).toBe(false);
      const all = seeded.filter((row) => row.id.startsWith('line-')).map((row) => row.id);
      expect(await chainOf('line-02', 'ann', 5)).toEqual({
        root: 'line-00',
        ids: all.slice(0, 5),
        truncated: true,
      });
      expect(await chainOf('line-02', 'ann', 8)).toEqual({
        root: 'line-00',
        ids: all,
        truncated: false,
      });
    });

    it('walks up at most maxNodes steps, the start included', async () => {
      // From the last of eight, five steps up reach line-03; it is the chain's root.
      expect(await chainOf('line-07', 'ann', 5)).toEqual({
        root: 'line-03',
        ids: ['line-03', 'line-04', 'line-05', 'line-06', 'line-07'],
        truncated: false,
      });
    });
  });
}
