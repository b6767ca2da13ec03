import { mkdtempSync, rmSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type DbHandle } from '@genhub/db';
import { TRPCError } from '@trpc/server';
import Database from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteHitCounter } from '../database/sqlite-hit-counter';
import { loadEnv } from '../env';
import type { CountSocketCall } from './limit-socket-calls';
import { registerRateLimits } from './register-rate-limits';

interface LogLine {
  level: number;
  msg: string;
  cause?: { type: string; code: string | null; message: string };
  failures?: number;
}

const errorLevel = 50;
const infoLevel = 30;

interface Rig {
  fastify: FastifyInstance;
  handle: DbHandle;
  countSocketCall: CountSocketCall;
  /** The socket of a WebSocket upgrade request the hook saw. */
  upgradeSocket: () => Promise<Socket>;
  logs: LogLine[];
  /** Holds the database's write lock from another connection, as a busy instance would. */
  lock: () => void;
  unlock: () => void;
  close: () => Promise<void>;
}

async function setUp(): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'genhub-limits-'));
  const file = join(dir, 'genhub.sqlite');
  const handle = createDb(file);
  // Fail at once rather than after the usual busy timeout: the same SQLITE_BUSY, sooner.
  handle.sqlite.pragma('busy_timeout = 0');
  const other = new Database(file);
  const rawLogs: string[] = [];
  const fastify = Fastify({
    logger: { level: 'info', stream: { write: (line: string) => rawLogs.push(line) } },
  });
  const env = loadEnv({ DATA_DIR: dir, CLUSTER: 'true', RATE_LIMIT_SIGN_IN: '2' });
  const countSocketCall = await registerRateLimits(
    fastify,
    env,
    () => Promise.resolve(null),
    () => Promise.resolve(null),
    sqliteHitCounter(handle.db),
  );
  fastify.post('/api/setup', () => ({ ok: true }));
  fastify.post('/trpc/:path', () => ({ result: { data: null } }));
  let upgradeSocket: Socket | null = null;
  fastify.get('/trpc', (req) => {
    upgradeSocket = req.socket;
    return {};
  });
  await fastify.ready();
  return {
    fastify,
    handle,
    countSocketCall,
    async upgradeSocket() {
      await fastify.inject({ method: 'GET', url: '/trpc' });
      if (!upgradeSocket) throw new Error('the upgrade route did not run');
      return upgradeSocket;
    },
    get logs() {
      return rawLogs.map((line) => JSON.parse(line) as LogLine);
    },
    lock: () => other.exec('BEGIN IMMEDIATE'),
    unlock: () => other.exec('ROLLBACK'),
    async close() {
      other.close();
      await fastify.close();
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const storeLogs = (rig: Rig) => rig.logs.filter((line) => line.msg.includes('rate-limit store'));

let rig: Rig | null = null;
afterEach(async () => {
  await rig?.close();
  rig = null;
});

describe('registerRateLimits when the shared store fails (CLUSTER=true)', () => {
  it('answers 503 with Retry-After in each client’s error shape, logs the outage once, and counts again once the database answers', async () => {
    rig = await setUp();
    const { fastify } = rig;
    rig.lock();

    for (let i = 0; i < 3; i++) {
      const plain = await fastify.inject({ method: 'POST', url: '/api/setup' });
      expect(plain.statusCode).toBe(503);
      expect(plain.headers['retry-after']).toBe('5');
      expect(plain.json()).toEqual({
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: 'Request limits cannot be checked right now. Retry in 5 s',
        },
      });
    }
    const call = await fastify.inject({ method: 'POST', url: '/trpc/task.create,task.create' });
    expect(call.statusCode).toBe(503);
    expect(call.headers['retry-after']).toBe('5');
    expect(call.json()).toMatchObject({
      error: {
        message: 'Request limits cannot be checked right now. Retry in 5 s',
        data: { code: 'SERVICE_UNAVAILABLE', httpStatus: 503 },
      },
    });
    expect(call.body).not.toMatch(/locked|sqlite|rate_limit_hits/i);

    // Four refused requests, one line: what failed, without the query or the caller's key.
    expect(storeLogs(rig)).toEqual([
      expect.objectContaining({
        level: errorLevel,
        cause: { type: 'SqliteError', code: 'SQLITE_BUSY', message: 'database is locked' },
      }),
    ]);
    expect(JSON.stringify(storeLogs(rig))).not.toMatch(/127\.0\.0\.1|RATE_LIMIT_|INSERT/);

    rig.unlock();
    expect((await fastify.inject({ method: 'POST', url: '/api/setup' })).statusCode).toBe(200);
    expect(storeLogs(rig)[1]).toMatchObject({ level: infoLevel, failures: 4 });
    // The allowance of 2 still holds once the store is back.
    expect((await fastify.inject({ method: 'POST', url: '/api/setup' })).statusCode).toBe(200);
    expect((await fastify.inject({ method: 'POST', url: '/api/setup' })).statusCode).toBe(429);

    // A new outage is logged again.
    rig.lock();
    expect((await fastify.inject({ method: 'POST', url: '/api/setup' })).statusCode).toBe(503);
    expect(storeLogs(rig).map((line) => line.level)).toEqual([errorLevel, infoLevel, errorLevel]);
  });

  it('fails a WebSocket call with a typed SERVICE_UNAVAILABLE, and counts it again once the database answers', async () => {
    rig = await setUp();
    const socket = await rig.upgradeSocket();
    rig.lock();
    const refused = await rig.countSocketCall(socket, null, 'task.create').then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(TRPCError);
    expect(refused).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      message: 'Request limits cannot be checked right now. Retry in 5 s',
    });
    rig.unlock();
    await expect(rig.countSocketCall(socket, null, 'task.create')).resolves.toBeUndefined();
    // An unlimited procedure never touches the store.
    rig.lock();
    await expect(rig.countSocketCall(socket, null, 'task.list')).resolves.toBeUndefined();
  });
});
