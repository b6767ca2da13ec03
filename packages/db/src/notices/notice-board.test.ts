import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '../create-db';
import { noticeBoardSuite } from './notice-board-suite';
import { createSqliteNoticeBoard } from './sqlite-notice-board';

noticeBoardSuite('SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'genhub-board-'));
  const file = join(dir, 'genhub.sqlite');
  const handles = [createDb(file), createDb(file)] as const;
  return Promise.resolve({
    boards: [createSqliteNoticeBoard(handles[0].db), createSqliteNoticeBoard(handles[1].db)],
    async close() {
      await Promise.all(handles.map((handle) => handle.close()));
      rmSync(dir, { recursive: true, force: true });
    },
  });
});
