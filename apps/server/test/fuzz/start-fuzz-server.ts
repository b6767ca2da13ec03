import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeFal } from '../fake-fal';
import { startFakeGemini } from '../fake-gemini';
import { startFakeKie } from '../fake-kie';
import { startFakeNanobanana } from '../fake-nanobanana';
import { startFakeOpenRouter } from '../fake-openrouter';
import { fakeProviderEnv } from '../fake-provider-env';
import { startFakeReplicate } from '../fake-replicate';
import { freePort } from '../spawn-server';
import { startTestServer, type TestServer } from '../test-server';

export interface FuzzServer {
  server: TestServer;
  /** Every configured secret, by variable name. */
  secrets: Record<string, string>;
  signingKey: Buffer;
  close(): Promise<void>;
}

const fuzzKey = (name: string) => `sk-fuzz-${name}-${randomBytes(12).toString('hex')}`;

/**
 * A real server on a SQLite file with every provider configured against its fake, each with
 * a key of its own (the fake KIE has a fixed one), and reachable for callbacks at its own URL.
 */
export async function startFuzzServer(): Promise<FuzzServer> {
  const replicateSecret = `whsec_${randomBytes(24).toString('base64')}`;
  const [kie, fal, replicate, openRouter, gemini, nanobanana] = await Promise.all([
    startFakeKie(),
    startFakeFal(),
    startFakeReplicate(replicateSecret),
    startFakeOpenRouter(),
    startFakeGemini(),
    startFakeNanobanana(),
  ]);
  fal.state.key = fuzzKey('fal');
  replicate.state.apiToken = fuzzKey('replicate');
  openRouter.state.apiKey = fuzzKey('openrouter');
  gemini.state.apiKey = fuzzKey('gemini');
  nanobanana.state.apiKey = fuzzKey('nanobanana');
  const secrets = {
    KIE_API_KEY: kie.apiKey,
    KIE_WEBHOOK_HMAC_KEY: fuzzKey('kie-hmac'),
    FAL_KEY: fal.state.key,
    REPLICATE_API_TOKEN: replicate.state.apiToken,
    REPLICATE_WEBHOOK_SECRET: replicateSecret,
    OPENROUTER_API_KEY: openRouter.state.apiKey,
    GEMINI_API_KEY: gemini.state.apiKey,
    NANOBANANA_API_KEY: nanobanana.state.apiKey,
  };
  const port = await freePort();
  const server = await startTestServer(
    {
      ...fakeProviderEnv({ kie, fal, replicate, openrouter: openRouter, gemini, nanobanana }),
      ...secrets,
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    },
    {
      port,
      scheduler: { pollDelayMs: () => 20, backoff: { baseMs: 10, capMs: 40 }, callbackGraceMs: 50 },
    },
  );
  return {
    server,
    secrets,
    signingKey: readFileSync(join(server.dataDir, 'secret.key')),
    async close() {
      await server.close();
      await Promise.all(
        [kie, fal, replicate, openRouter, gemini, nanobanana].map((f) => f.close()),
      );
    },
  };
}
