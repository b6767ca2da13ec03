import { eq } from 'drizzle-orm';
import { createTestDb } from '../create-db';
import { taskEvents } from '../schema';
import { eventLogSuite } from './event-log-suite';
import { createSqliteEventLog } from './sqlite-event-log';

eventLogSuite('SQLite', () => {
  const handle = createTestDb();
  return Promise.resolve({
    log: createSqliteEventLog(handle.db),
    append: (event) =>
      Promise.resolve(
        handle.db
          .insert(taskEvents)
          .values({ ...event, createdAt: 1_767_225_600_000 })
          .returning({ seq: taskEvents.seq })
          .get().seq,
      ),
    deleteEvent: (seq) =>
      Promise.resolve(void handle.db.delete(taskEvents).where(eq(taskEvents.seq, seq)).run()),
    close: () => handle.close(),
  });
});
