import type { TestProject } from 'vitest/node';
// A relative import: the server depends on this package (through the MCP server), not back.
import { spawnServer } from '../../../apps/server/test/spawn-server';

export interface LiveServer {
  url: string;
  key: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Tasks finish as fast as the local engine makes them (LOCAL_PROVIDER_DELAY_MS=0). */
    fast: LiveServer;
    /** Every task takes 1.5 s and then fails (LOCAL_PROVIDER_FAILURE_RATE=1). */
    failing: LiveServer;
  }
}

/** The built server, twice, as its own processes: the client talks to it over the network. */
export default async function setup(project: TestProject) {
  const [fast, failing] = await Promise.all([
    spawnServer({ LOCAL_PROVIDER_DELAY_MS: '0' }),
    spawnServer({ LOCAL_PROVIDER_DELAY_MS: '1500', LOCAL_PROVIDER_FAILURE_RATE: '1' }),
  ]);
  for (const [name, app] of [
    ['fast', fast],
    ['failing', failing],
  ] as const) {
    if (!app.key) throw new Error('the test server has no admin key');
    project.provide(name, { url: app.url, key: app.key });
  }
  return async () => {
    await Promise.all([fast.stop(), failing.stop()]);
  };
}
