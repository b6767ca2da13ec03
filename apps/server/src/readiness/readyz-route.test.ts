import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskStorage } from '@genhub/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerReadyRoute } from '../routes/readyz';
import { createReadinessProbe, readinessCacheMs } from './create-readiness-probe';
import type { ReadinessCheck } from './readiness-check';
import { storageCheck } from './storage-check';

/** A check that counts its runs, each answering what `answer` says at the time. */
function countedCheck(
  name: string,
  answer: () => Promise<string | null> = () => Promise.resolve(null),
) {
  const counted = {
    runs: 0,
    check: {
      name,
      run: () => {
        counted.runs++;
        return answer();
      },
      explain: () => `${name} broke`,
    } satisfies ReadinessCheck,
  };
  return counted;
}

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

/** Probes that reached the route. */
let arrived = 0;

async function appWith(checks: ReadinessCheck[], now: () => number, cacheMs?: number) {
  const app = Fastify();
  apps.push(app);
  arrived = 0;
  app.addHook('preHandler', (_req, _reply, done) => {
    arrived++;
    done();
  });
  registerReadyRoute(app, checks, { timeoutMs: 1000, now, cacheMs });
  await app.ready();
  return app;
}

const probe = async (app: FastifyInstance) => {
  const answer = await app.inject({ method: 'GET', url: '/readyz' });
  return { status: answer.statusCode, body: answer.json<unknown>() };
};

describe('/readyz', () => {
  it('answers 20 concurrent probes with one run of each check, even with no window', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const database = countedCheck('database', async () => {
      await held;
      return null;
    });
    const storage = countedCheck('storage');
    // No reuse after a run: only probes that come while it runs may share it.
    const app = await appWith([database.check, storage.check], () => 0, 0);

    const answers = Promise.all(Array.from({ length: 20 }, () => probe(app)));
    // Every probe has reached the route (and joined the run) before the check may end.
    await vi.waitFor(() => expect(arrived).toBe(20));
    await new Promise((resolve) => setImmediate(resolve));
    release();
    const all = await answers;
    expect(all).toHaveLength(20);
    for (const answer of all) {
      expect(answer).toEqual({
        status: 200,
        body: { ok: true, checks: { database: { ok: true }, storage: { ok: true } } },
      });
    }
    expect([database.runs, storage.runs]).toEqual([1, 1]);
  });

  it('reuses a report for the window, then runs the checks again', async () => {
    let clock = 0;
    let broken = false;
    const storage = countedCheck('storage', () => Promise.resolve(broken ? 'it is full' : null));
    const app = await appWith([storage.check], () => clock);

    expect((await probe(app)).status).toBe(200);
    broken = true;
    clock += readinessCacheMs - 1;
    for (let i = 0; i < 5; i++) expect((await probe(app)).status).toBe(200);
    expect(storage.runs).toBe(1);

    clock += 1;
    expect(await probe(app)).toEqual({
      status: 503,
      body: { ok: false, checks: { storage: { ok: false, reason: 'it is full' } } },
    });
    expect(storage.runs).toBe(2);
    // A failing report is kept as long: a flood of probes while the store is down costs it no more.
    expect((await probe(app)).status).toBe(503);
    expect(storage.runs).toBe(2);
  });

  it('answers 503 naming storage when the store refuses writes', async () => {
    const refusing = {
      check: () =>
        Promise.reject(
          Object.assign(new Error('EROFS: read-only file system, open /data/x'), {
            code: 'EROFS',
          }),
        ),
    };
    const app = await appWith([countedCheck('database').check, storageCheck(refusing)], () => 0);
    const answer = await probe(app);
    expect(answer).toEqual({
      status: 503,
      body: {
        ok: false,
        checks: {
          database: { ok: true },
          storage: { ok: false, reason: 'the file store cannot be read or written (EROFS)' },
        },
      },
    });
    expect(JSON.stringify(answer.body)).not.toContain('/data');
  });

  it('answers 503 naming storage when a real directory takes no write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'genhub-readyz-'));
    try {
      const storage = new LocalDiskStorage(dir);
      const app = await appWith([storageCheck(storage)], () => 0);
      // The probe's place is taken, so its write fails as on a full or read-only disk (root
      // ignores permissions, so they cannot stand in).
      mkdirSync(join(dir, '.genhub-readyz'));
      expect(await probe(app)).toEqual({
        status: 503,
        body: {
          ok: false,
          checks: {
            storage: { ok: false, reason: 'the file store cannot be read or written (EISDIR)' },
          },
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names an S3 refusal by its code', async () => {
    const refused = {
      check: () => Promise.reject(Object.assign(new Error('S3 PUT …'), { code: 'AccessDenied' })),
    };
    const app = await appWith([storageCheck(refused)], () => 0);
    expect((await probe(app)).body).toEqual({
      ok: false,
      checks: {
        storage: { ok: false, reason: 'the file store cannot be read or written (AccessDenied)' },
      },
    });
  });
});

describe('createReadinessProbe', () => {
  it('never starts a check again while an earlier run of it still hangs', async () => {
    let clock = 0;
    const hung = countedCheck('hung', () => new Promise<null>(() => undefined));
    const check = createReadinessProbe([hung.check], {
      timeoutMs: 10,
      now: () => clock,
      log: { warn: () => undefined, info: () => undefined },
    });
    for (let i = 0; i < 3; i++) {
      expect(await check()).toEqual({
        ok: false,
        checks: { hung: { ok: false, reason: 'did not answer within 10 ms' } },
      });
      clock += readinessCacheMs;
    }
    expect(hung.runs).toBe(1);
  });

  it('logs a check when it starts failing and when it passes again, not every run', async () => {
    let clock = 0;
    let answer: string | null = 'down';
    const logged: string[] = [];
    const check = createReadinessProbe(
      [countedCheck('storage', () => Promise.resolve(answer)).check],
      {
        timeoutMs: 1000,
        now: () => clock,
        log: {
          warn: (details, message) => logged.push(`${message} ${JSON.stringify(details)}`),
          info: (details, message) => logged.push(`${message} ${JSON.stringify(details)}`),
        },
      },
    );
    for (const next of ['down', null, null]) {
      answer = next;
      await check();
      clock += readinessCacheMs;
    }
    await check();
    expect(logged).toEqual([
      'not ready {"check":"storage","reason":"down"}',
      'ready again {"check":"storage"}',
    ]);
  });
});
