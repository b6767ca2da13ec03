import OpenAI from 'openai';
import type { TestServer } from '../test-server';

/** The official client pointed at the server, as a user's program would make it. */
export function openAiFor(
  server: Pick<TestServer, 'url'>,
  apiKey: string | null,
  options: { maxRetries?: number } = {},
): OpenAI {
  return new OpenAI({ apiKey: apiKey ?? 'none', baseURL: `${server.url}/v1`, ...options });
}
