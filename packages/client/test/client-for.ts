import { inject, onTestFinished } from 'vitest';
import { createGenhubClient, type GenhubClient, type GenhubClientOptions } from '../src';

/** A client for one of the live test servers, closed when the test ends. */
export function clientFor(
  server: 'fast' | 'failing',
  options: Partial<GenhubClientOptions> = {},
): GenhubClient {
  const { url, key } = inject(server);
  const client = createGenhubClient({ url, apiKey: key, ...options });
  onTestFinished(() => client.close());
  return client;
}
