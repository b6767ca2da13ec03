import { describe, expect, it } from 'vitest';
import type { OpenDataSource } from '../../test/data-source-under-test';
import { t0, taskRow } from '../../test/task-row';
import { useDataSource } from '../../test/use-data-source';
import { isUniqueViolation } from '../collections/is-unique-violation';
import type { DataSource } from '../data/data-source';
import { appendTaskEvent } from '../events/append-task-event';
import type { NewTaskRow } from '../schema';
import { insertTaskRow } from './insert-task-row';
import { selectIdempotentTask } from './select-idempotent-task';

const keyed = (id: string, owner: string, key: string | null, fields: Partial<NewTaskRow> = {}) =>
  taskRow(id, {
    status: 'pending',
    owner,
    idempotencyKey: key,
    requestHash: `hash-${id}`,
    ...fields,
  });

/** What `work` was refused with. */
const refusal = (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('the insert was accepted');
    },
    (error: unknown) => error,
  );

/** A new task's insert and the idempotency key's lookup, the same on every dialect. */
export function taskCreateRepositorySuite(dialect: string, open: OpenDataSource): void {
  describe(`task creation writes (${dialect})`, () => {
    const data = useDataSource(open);
    const insert = (source: DataSource, row: NewTaskRow) =>
      source.transact((tx) => insertTaskRow(tx, row));

    it('stores a task and answers its row as written, numbers as numbers and JSON as values', async () => {
      const row = keyed('t-new', 'ann', 'key-1', {
        assetIds: ['a-1'],
        options: { strength: 0.4, returnMask: true },
        fallback: [{ provider: 'kie', model: 'nano-banana' }],
        estimatedCost: 0.25,
        costUnit: 'USD',
        deadlineAt: t0 + 600_000,
      });
      const written = await insert(data(), row);
      expect(written).toMatchObject(row);
      expect(written).toMatchObject({ attempts: 0, priority: 0, warnings: [], actualCost: null });
      for (const key of ['count', 'seed', 'createdAt', 'deadlineAt', 'estimatedCost'] as const) {
        expect(typeof written[key], key).toBe('number');
      }
    });

    it('refuses a second task with the same owner and key as a unique violation, and nothing else', async () => {
      await insert(data(), keyed('t-first', 'ann', 'key-2'));
      const again = await refusal(insert(data(), keyed('t-second', 'ann', 'key-2')));
      expect(isUniqueViolation(again)).toBe(true);
      // Another owner may use the same key, and tasks without a key never collide.
      await insert(data(), keyed('t-bob', 'bob', 'key-2'));
      await insert(data(), keyed('t-none-1', 'ann', null));
      await insert(data(), keyed('t-none-2', 'ann', null));
      expect(isUniqueViolation(new Error('no'))).toBe(false);
    });

    it('lets exactly one of concurrent inserts with one key commit', async () => {
      const outcomes = await Promise.allSettled(
        ['t-race-1', 't-race-2', 't-race-3'].map((id) =>
          insert(data(), keyed(id, 'ann', 'key-race')),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.flatMap((o): unknown[] =>
        o.status === 'rejected' ? [o.reason] : [],
      );
      expect(refused).toHaveLength(2);
      expect(refused.every(isUniqueViolation)).toBe(true);
    });

    it('finds the task a key created, with the seq of its first event, for its owner only', async () => {
      const row = await insert(data(), keyed('t-found', 'ann', 'key-3'));
      const find = (owner: string, key: string) =>
        data().run((source) => selectIdempotentTask(source, owner, key));
      expect(await find('ann', 'key-3')).toEqual({ row, createdSeq: null });
      const seqs: number[] = [];
      for (const type of ['created', 'canceled']) {
        seqs.push(
          await data().transact((tx) =>
            appendTaskEvent(tx, {
              taskId: 't-found',
              owner: 'ann',
              type,
              snapshot: '{}',
              createdAt: t0,
            }),
          ),
        );
      }
      const found = await find('ann', 'key-3');
      expect(found?.createdSeq).toBe(seqs[0]);
      expect(typeof found?.createdSeq).toBe('number');
      expect(await find('bob', 'key-3')).toBeUndefined();
      expect(await find('ann', 'key-none')).toBeUndefined();
    });
  });
}
