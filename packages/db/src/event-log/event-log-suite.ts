import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventLog } from './event-log';

/** What the shared suite needs of a dialect: its log, and a way to write and delete events. */
export interface EventLogUnderTest {
  log: EventLog;
  /** Appends an event in a transaction of its own; returns its seq. */
  append(event: { taskId: string; owner: string; type: string; snapshot: string }): Promise<number>;
  deleteEvent(seq: number): Promise<void>;
  close(): Promise<void>;
}

/** The behaviour every dialect's event log must have, run against each of them. */
export function eventLogSuite(dialect: string, open: () => Promise<EventLogUnderTest>): void {
  describe(`the task event log (${dialect})`, () => {
    let db: EventLogUnderTest;
    beforeAll(async () => {
      db = await open();
    });
    afterAll(() => db.close());

    const snapshotOf = (taskId: string, owner: string) =>
      JSON.stringify({ id: taskId, owner, note: '中文 "quoted" \\ 50%' });

    it('reads pages after a cursor, by task, by owner, and both', async () => {
      expect(await db.log.lastAssigned()).toBe(0);
      expect(await db.log.readPage({ afterSeq: 0, limit: 10 })).toEqual([]);
      const seqs: number[] = [];
      for (const [taskId, owner] of [
        ['t1', 'u1'],
        ['t2', 'u2'],
        ['t1', 'u1'],
        ['t3', 'u1'],
      ] as const) {
        const snapshot = snapshotOf(taskId, owner);
        seqs.push(await db.append({ taskId, owner, type: 'created', snapshot }));
      }
      expect(seqs).toEqual([1, 2, 3, 4]);
      const page = (range: Parameters<EventLog['readPage']>[0]) =>
        db.log.readPage(range).then((rows) => rows.map((row) => row.seq));
      const all = await db.log.readPage({ afterSeq: 0, limit: 10 });
      expect(all.map((row) => [row.seq, row.type])).toEqual(seqs.map((seq) => [seq, 'created']));
      expect(JSON.parse(all[0]!.snapshot)).toEqual(JSON.parse(snapshotOf('t1', 'u1')));
      expect(await page({ afterSeq: 1, limit: 2 })).toEqual([2, 3]);
      expect(await page({ afterSeq: 0, taskId: 't1', limit: 10 })).toEqual([1, 3]);
      expect(await page({ afterSeq: 0, owner: 'u1', limit: 10 })).toEqual([1, 3, 4]);
      expect(await page({ afterSeq: 1, owner: 'u1', taskId: 't1', limit: 10 })).toEqual([3]);
      expect(await page({ afterSeq: 4, limit: 10 })).toEqual([]);
    });

    it('counts a deleted newest event as given out, so no cursor is handed out twice', async () => {
      const newest = await db.log.lastAssigned();
      await db.deleteEvent(newest);
      expect(await db.log.lastAssigned()).toBe(newest);
      const next = await db.append({
        taskId: 't9',
        owner: 'u1',
        type: 'created',
        snapshot: snapshotOf('t9', 'u1'),
      });
      expect(next).toBe(newest + 1);
    });
  });
}
