import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoticeBoard } from './notice-board';

export interface BoardsUnderTest {
  /** Two instances' boards over one database, each on its own connection. */
  boards: [NoticeBoard, NoticeBoard];
  close(): Promise<void>;
}

/** What every dialect's notice board does, run on SQLite and on PostgreSQL. */
export function noticeBoardSuite(dialect: string, open: () => Promise<BoardsUnderTest>): void {
  describe(`the notice board on ${dialect}`, () => {
    let under: BoardsUnderTest;
    beforeAll(async () => {
      under = await open();
    });
    afterAll(() => under.close());

    it('starts empty, counts each topic from 1, and shows one instance’s bumps to the other', async () => {
      const [a, b] = under.boards;
      expect(await a.counts()).toEqual(new Map());
      expect(await a.bump('queue')).toBe(1);
      expect(await b.bump('queue')).toBe(2);
      expect(await b.bump('webhooks')).toBe(1);
      const counts = await a.counts();
      expect(counts).toEqual(
        new Map([
          ['queue', 2],
          ['webhooks', 1],
        ]),
      );
      for (const count of counts.values()) expect(typeof count).toBe('number');
    });

    it('gives each of many bumps at once its own count', async () => {
      const [a, b] = under.boards;
      const counts = await Promise.all(
        Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).bump('provider-keys')),
      );
      expect(counts.sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect((await b.counts()).get('provider-keys')).toBe(30);
    });
  });
}
