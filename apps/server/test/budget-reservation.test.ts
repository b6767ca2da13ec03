import { request } from 'node:http';
import { task as taskSchema, usageReport } from '@genhub/core/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { suiteOnPostgres } from './suite-database';
import { z } from 'zod';
import { spawnServer, type RunningApp } from './spawn-server';
import { authHeaders } from './test-keys';

const price = 8;
const cap = 60;

/** A tRPC reply over HTTP: the result's data, or the error's code and message. */
const envelope = z.union([
  z.object({ result: z.object({ data: z.unknown() }) }),
  z.object({
    error: z.object({ message: z.string(), data: z.object({ code: z.string() }).loose() }),
  }),
]);

/**
 * One tRPC call on a connection of its own (no keep-alive pool), so that concurrent calls
 * reach the server as concurrent connections.
 */
function call(app: RunningApp, path: string, input: unknown, method: 'GET' | 'POST') {
  const url = new URL(`/trpc/${path}`, app.url);
  if (method === 'GET') url.searchParams.set('input', JSON.stringify(input));
  return new Promise<z.infer<typeof envelope>>((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent: false,
        headers: { ...authHeaders(app.url), 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          try {
            resolve(envelope.parse(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(method === 'POST' ? JSON.stringify(input) : undefined);
  });
}

async function create(app: RunningApp, prompt: string) {
  const reply = await call(app, 'task.create', { prompt }, 'POST');
  return 'result' in reply ? { task: taskSchema.parse(reply.result.data) } : reply.error;
}

async function credits(app: RunningApp) {
  const reply = await call(app, 'account.usage', { utcOffsetMinutes: 0 }, 'GET');
  if (!('result' in reply)) throw new Error(reply.error.message);
  const budget = usageReport.parse(reply.result.data).budgets.find((b) => b.unit === 'credits');
  if (!budget) throw new Error('no credits budget');
  return budget;
}

async function allFinished(app: RunningApp, ids: string[]): Promise<boolean> {
  const replies = await Promise.all(ids.map((id) => call(app, 'task.get', { id }, 'GET')));
  return replies.every(
    (reply) =>
      'result' in reply &&
      ['completed', 'failed', 'canceled'].includes(taskSchema.parse(reply.result.data).status),
  );
}

/** Polls a condition that needs a request, for at most `ms`. */
async function eventually(check: () => Promise<boolean>, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// The spawned server keeps its data in DATA_DIR's SQLite file (it takes no DATABASE_URL yet).
describe.skipIf(suiteOnPostgres)(
  'the monthly budget under concurrent creates, on a spawned server',
  () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await spawnServer({
        PRICE_OVERRIDES: `local/local-preview=${price} credits`,
        MONTHLY_BUDGET: `${cap} credits`,
        // Long enough that the burst's tasks are still queued or running while it lands.
        LOCAL_PROVIDER_DELAY_MS: '3000',
        PROVIDER_CONCURRENCY: '4',
      });
    });
    afterAll(() => app?.stop());

    it('accepts only what fits under the cap, counting queued tasks, and never spends past it', async () => {
      const warmup = await Promise.all(['one', 'two', 'three'].map((p) => create(app, p)));
      const warmupIds = warmup.map((r) => ('task' in r ? r.task.id : ''));
      expect(warmupIds.every(Boolean)).toBe(true);
      await eventually(() => allFinished(app, warmupIds), 20_000, 'the first three tasks');
      expect(await credits(app)).toEqual({ unit: 'credits', cap, spent: 24, reserved: 0 });

      const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => create(app, `b${i}`)));
      const accepted = burst.flatMap((r) => ('task' in r ? [r.task.id] : []));
      const refused = burst.flatMap((r) => ('task' in r ? [] : [r]));
      expect(accepted.length * price + 24).toBeLessThanOrEqual(cap);
      // (60 − 24) / 8: four fit, a fifth would pass the cap.
      expect(accepted).toHaveLength(4);
      expect(refused).toHaveLength(16);
      for (const error of refused) {
        expect(error.data.code).toBe('PRECONDITION_FAILED');
        expect(error.message).toBe(
          'This would pass the monthly cap of 60 credits: 24 spent, 32 reserved by queued tasks, 8 more asked',
        );
      }
      // Whether or not some have finished by now, what is spent and reserved adds up the same.
      const during = await credits(app);
      expect(during.spent + during.reserved).toBe(56);

      await eventually(() => allFinished(app, accepted), 30_000, 'the accepted tasks');
      const after = await credits(app);
      expect(after).toEqual({ unit: 'credits', cap, spent: 56, reserved: 0 });
      expect(after.spent).toBeLessThanOrEqual(cap);
    }, 60_000);
  },
);
