import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgTestDatabase } from '../../test/pg-test-database';
import { createTestDb, type DbHandle } from '../create-db';
import * as sqliteSchema from '../schema';
import { createPgDb, type PgDb, type PgDbHandle } from './create-pg-db';
import * as pgSchema from './schema';

const database = pgTestDatabase();

type Tables = typeof pgSchema;

const task = {
  id: '01JTASK0000000000000000001',
  status: 'pending',
  operation: 'edit',
  provider: 'local',
  model: 'local-preview',
  prompt: 'A lighthouse at dusk — 夕阳下的灯塔, "quoted" \\ 50%',
  aspectRatio: '16:9',
  count: 2,
  outputFormat: 'webp',
  resolution: '2K',
  seed: 2_147_483_647,
  assetIds: ['a1', 'a2'],
  options: { strength: 0.75, returnMask: true, mode: 'fast' },
  fallback: [{ provider: 'kie', model: 'nano-banana' }],
  providerChargeAmount: 12.5,
  deadlineAt: 1_767_225_600_123,
  createdAt: 1_767_225_000_001,
  updatedAt: 1_767_225_000_001,
} satisfies typeof pgSchema.tasks.$inferInsert;

const user = {
  id: 'user-1',
  name: 'Ada',
  email: 'ada@example.test',
  role: 'admin',
  createdAt: new Date(1_767_225_000_123),
  updatedAt: new Date(1_767_225_000_456),
} satisfies typeof pgSchema.users.$inferInsert;

/**
 * Written once against the query builder, awaited, and run on each dialect: what the
 * repositories of the async data layer will look like.
 */
async function roundTrip(db: PgDb, t: Tables) {
  await db.insert(t.users).values(user);
  await db.insert(t.tasks).values(task);
  const appended = await db
    .insert(t.taskEvents)
    .values([
      {
        taskId: task.id,
        owner: user.id,
        type: 'created',
        snapshot: '{"status":"pending"}',
        createdAt: 1,
      },
      {
        taskId: task.id,
        owner: user.id,
        type: 'completed',
        snapshot: '{"status":"completed"}',
        createdAt: 2,
      },
    ])
    .returning({ seq: t.taskEvents.seq });
  await db
    .update(t.tasks)
    .set({ status: 'completed', errorRetryable: false, finishedAt: 1_767_225_999_999 })
    .where(eq(t.tasks.id, task.id));
  return {
    appended,
    tasks: await db.select().from(t.tasks).where(eq(t.tasks.id, task.id)),
    events: await db
      .select()
      .from(t.taskEvents)
      .where(eq(t.taskEvents.taskId, task.id))
      .orderBy(asc(t.taskEvents.seq)),
    users: await db.select().from(t.users),
  };
}

describe('one piece of query-builder code on both dialects', () => {
  let pg: PgDbHandle;
  let sqlite: DbHandle;
  beforeAll(async () => {
    pg = await createPgDb(database.url);
    sqlite = createTestDb();
  });
  afterAll(async () => {
    await pg.close();
    await sqlite.close();
  });

  it('stores and reads a task, its events and a user alike', async () => {
    const onPg = await roundTrip(pg.db, pgSchema);
    // Drizzle has no type for "either dialect's database"; the calls above exist on both, and
    // the tables' row types are identical (schema-parity.test.ts).
    const onSqlite = await roundTrip(
      sqlite.db as unknown as PgDb,
      sqliteSchema as unknown as Tables,
    );

    expect(onPg).toEqual(onSqlite);
    expect(onPg.appended).toEqual([{ seq: 1 }, { seq: 2 }]);
    expect(onPg.tasks).toEqual([
      {
        ...task,
        status: 'completed',
        safety: null,
        errorCode: null,
        errorMessage: null,
        errorRetryable: false,
        errorAttempt: null,
        attempts: 0,
        maxAttempts: 3,
        timeoutSeconds: 600,
        nextRunAt: null,
        noImageCount: 0,
        priority: 0,
        providerJobId: null,
        providerChargeUnit: null,
        warnings: [],
        triedProviders: [],
        callbackToken: null,
        owner: 'local',
        idempotencyKey: null,
        requestHash: null,
        planId: null,
        planItemId: null,
        planBatch: null,
        retryDelayMs: null,
        attemptTimeoutMs: null,
        estimatedCost: null,
        costUnit: null,
        actualCost: null,
        costSource: null,
        starredAt: null,
        deletedAt: null,
        retriedFromId: null,
        retriedById: null,
        parentGenerationId: null,
        startedAt: null,
        finishedAt: 1_767_225_999_999,
        leaseOwner: null,
        leaseUntil: null,
        callbackAt: null,
      },
    ]);
    expect(onPg.events.map((e) => [e.seq, e.type, e.owner, e.snapshot])).toEqual([
      [1, 'created', user.id, '{"status":"pending"}'],
      [2, 'completed', user.id, '{"status":"completed"}'],
    ]);
    expect(onPg.users).toEqual([
      {
        ...user,
        emailVerified: false,
        image: null,
        disabled: false,
        tasksPerMinute: null,
        maxUploadMb: null,
      },
    ]);
  });
});
