import type { CreateTaskInput, Task } from '@genhub/core/schemas';
import { afterAll, beforeAll, expect } from 'vitest';
import { generateDirect } from './direct-generate';
import { closeAll, startWithFake, waitForTask, type startTestServer } from './test-server';

/** Retries after milliseconds, not seconds; a provider's own retry hint still wins. */
export const quickRetries = { backoff: { baseMs: 10, capMs: 40 } };

type Started<F> = Awaited<ReturnType<typeof startWithFake<F>>>;

/**
 * For the enclosing describe: a strict fake of a vendor, a server configured for it (`vars`
 * from the fake) and a client, started before its tests and closed after them. Its fields are
 * read from inside tests, once they have started.
 */
export function useFakeVendor<F extends { close(): Promise<void> }>(
  provider: string,
  start: () => Promise<F>,
  vars: (fake: F) => Record<string, string>,
  options: Parameters<typeof startTestServer>[1] = {},
) {
  let started: Started<F> | undefined;
  const get = (): Started<F> => {
    if (!started) throw new Error(`the fake ${provider} has not started`);
    return started;
  };
  beforeAll(async () => {
    started = await startWithFake(start, vars, options);
  });
  afterAll(() => {
    const { connection, server, fake } = get();
    return closeAll(connection, server, fake);
  });
  const suite = {
    get fake() {
      return get().fake;
    },
    get server() {
      return get().server;
    },
    get connection() {
      return get().connection;
    },
    get client() {
      return get().connection.client;
    },
    /** Creates a task for this provider. */
    create: (input: Omit<CreateTaskInput, 'provider'>) =>
      suite.client.task.create.mutate({ provider, ...input }),
    /** Creates a task for this provider and waits until it is final. */
    run: async (input: Omit<CreateTaskInput, 'provider'>) =>
      waitForTask(suite.server, suite.client, (await suite.create(input)).id),
    /**
     * Runs a task, then hands it to a sync adapter again altered by `change` (past task.create's
     * own checks): the vendor's refusal must come back as invalid_request, its message naming `says`.
     */
    async expectVendorRefusal(change: Partial<Task>, says: string) {
      const task = await suite.run({ prompt: 'x' });
      await expect(
        generateDirect(suite.server, provider, { ...task, ...change }),
      ).rejects.toMatchObject({
        code: 'invalid_request',
        message: expect.stringContaining(says) as unknown,
      });
    },
  };
  return suite;
}
