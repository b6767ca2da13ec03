import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/router';
import { sampleImages } from './fuzz/broken-images';
import { checkAnswer } from './fuzz/check-answer';
import { createRng } from './fuzz/create-rng';
import type { FuzzCase, HttpCase, WsCase } from './fuzz/fuzz-case';
import type { Failure } from './fuzz/failure';
import type { LeakMarkers } from './fuzz/find-leaks';
import { pollutionKey } from './fuzz/hostile-value';
import { listProcedures } from './fuzz/list-procedures';
import { listRoutes } from './fuzz/list-routes';
import { routeCases } from './fuzz/route-cases';
import { runPool } from './fuzz/run-pool';
import { runWsCases } from './fuzz/run-ws-cases';
import { seedData, snapshotProtected, type Seeded } from './fuzz/seed-data';
import { sendHttp } from './fuzz/send-http';
import { startFuzzServer, type FuzzServer } from './fuzz/start-fuzz-server';
import { summarizeFailures } from './fuzz/summarize-failures';
import { trpcCases } from './fuzz/trpc-cases';
import { uploadCases } from './fuzz/upload-cases';
import { validInputs } from './fuzz/valid-inputs';
import { webhookCases } from './fuzz/webhook-cases';
import { wsCases } from './fuzz/ws-cases';
import { authHeaders, connectClient } from './test-server';

/** A new seed each run, printed in the title; `FUZZ_SEED=<n>` replays a run's inputs. */
function fuzzSeed(): number {
  const given = process.env.FUZZ_SEED;
  if (given === undefined || given === '') return randomInt(2 ** 31);
  if (!/^\d+$/.test(given))
    throw new Error(`FUZZ_SEED must be a non-negative integer, not "${given}"`);
  return Number(given);
}

const seed = fuzzSeed();
const minimumInputs = 1000;
const knownRoutes = [
  'GET /healthz',
  'POST /api/assets',
  'GET /api/assets/:id/content',
  'POST /api/export/zip',
  'POST /webhooks/:provider/:taskId',
  'POST /trpc/:path',
];
const sourceDir = fileURLToPath(new URL('../../..', import.meta.url));

describe(`security fuzz (seed ${seed}; replay with FUZZ_SEED=${seed})`, () => {
  let fuzz: FuzzServer;
  let connection: ReturnType<typeof connectClient>;
  let seeded: Seeded;
  let protectedBefore = '';
  let cases: FuzzCase[] = [];
  let failures: Failure[] = [];
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  const procedures = listProcedures(appRouter);

  const failuresOf = (...checks: string[]) =>
    summarizeFailures(failures.filter((f) => checks.includes(f.check)));

  beforeAll(async () => {
    fuzz = await startFuzzServer();
    const { server } = fuzz;
    connection = connectClient(server.url);
    seeded = await seedData(server, connection.client);
    protectedBefore = await snapshotProtected(server.url, connection.client, seeded.protected);

    const rng = createRng(seed);
    // As the test admin, so that what refuses a case is the check it aims at; a few signed
    // out, so that the sign-in check is fuzzed too.
    const signedIn = authHeaders(server.url);
    const asSomeone = (c: HttpCase): HttpCase =>
      rng.chance(0.1)
        ? { ...c, label: `${c.label} (signed out)` }
        : { ...c, headers: { ...signedIn, ...c.headers } };
    const valid = validInputs(seeded.ids);
    const routes = listRoutes(server.app.fastify.printRoutes({ commonPrefix: false }));
    const http: HttpCase[] = [
      ...trpcCases(rng, { procedures, valid, ownOrigin: server.url }),
      ...uploadCases(rng, await sampleImages()),
      ...routeCases(
        rng,
        {
          fileName: seeded.fileName,
          assetId: seeded.protected.assetId,
          exportId: seeded.ids.taskId,
        },
        routes,
      ),
      ...webhookCases(rng, seeded.hooks),
    ]
      .map(asSomeone)
      .map((c, i) => ({ ...c, label: `#${i} ${c.label}` }));
    const ws: WsCase[] = wsCases(rng, { procedures, valid }).map((c, i) => ({
      ...c,
      label: `#ws${i} ${c.label}`,
    }));
    cases = [...http, ...ws];

    const markers: LeakMarkers = {
      secrets: {
        ...fuzz.secrets,
        ...Object.fromEntries(seeded.hooks.map((h) => [`callback token (${h.provider})`, h.token])),
      },
      signingKey: fuzz.signingKey,
      dataDir: server.dataDir,
      sourceDir,
    };
    const base = { host: '127.0.0.1', port: Number(new URL(server.url).port) };
    const answers = await runPool(http, 4, async (c) =>
      checkAnswer(c, await sendHttp(base, c, 15_000), markers),
    );
    failures = answers.flat();
    failures.push(...(await runWsCases(server.url.replace(/^http/, 'ws'), ws, markers, signedIn)));
  }, 300_000);

  afterAll(async () => {
    await connection?.ws.close();
    await fuzz?.close();
  });

  it(`sends at least ${minimumInputs} inputs, over every procedure and every route`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(minimumInputs);
    const aimed = new Set(cases.map((c) => `${c.kind} ${c.target}`));
    const missed = procedures.filter(
      (p) =>
        !aimed.has(`http ${p.path}`) || (p.type === 'subscription' && !aimed.has(`ws ${p.path}`)),
    );
    expect(missed).toEqual([]);
    const routes = listRoutes(fuzz.server.app.fastify.printRoutes({ commonPrefix: false })).map(
      (r) => `${r.method} ${r.url}`,
    );
    // The routes the dedicated cases aim at are among those read from Fastify, and every one
    // of those (a route added later too) got cases.
    expect(routes).toEqual(expect.arrayContaining(knownRoutes));
    expect(routes.filter((r) => !aimed.has(`http ${r}`))).toEqual([]);
  });

  it('answers every input, and never with a 5xx', () => {
    expect(failuresOf('status < 500', 'answers')).toBe('');
  });

  it("answers errors in the app's own shapes: tRPC errors, or { error: { code, message } }", () => {
    expect(failuresOf('error shape')).toBe('');
  });

  it('leaks no stack trace, SQLite or libvips text, data-dir path, file or secret', () => {
    expect(failuresOf('no leak')).toBe('');
  });

  it('refuses forged links and callbacks, foreign Hosts and Origins, non-JSON calls, oversize files, cursors past the log', () => {
    expect(failuresOf('security')).toBe('');
  });

  it('is still up afterwards, with nothing seeded lost and no prototype polluted', async () => {
    const { server } = fuzz;
    expect(server.app.fastify.server.listening).toBe(true);
    const health = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(5000) });
    expect(health.status).toBe(200);
    expect(await snapshotProtected(server.url, connection.client, seeded.protected)).toBe(
      protectedBefore,
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(pollutionKey in {}).toBe(false);
  });
});
