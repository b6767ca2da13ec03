import { parseRetryAfter } from './error-class-for-status';
import { ProviderError } from './types';

export interface JsonReply {
  status: number;
  headers: Headers;
  /** The parsed body, or null when it was not JSON. */
  body: unknown;
}

/** One JSON request to a provider; a transport failure is `network` (the signal's abort is rethrown). */
export async function requestJson(
  url: string,
  init: { method: 'GET' | 'POST' | 'PUT'; headers: Record<string, string>; body?: unknown },
  signal: AbortSignal | undefined,
  provider: string,
): Promise<JsonReply> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: { 'content-type': 'application/json', ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ProviderError('network', `Could not reach ${provider}`);
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, body };
}

/** The bytes of a `data:` URL, or undefined when it is not one. */
export function decodeDataUrl(url: string): Buffer | undefined {
  const match = /^data:[^;,]*;base64,(.*)$/s.exec(url);
  return match?.[1] ? Buffer.from(match[1], 'base64') : undefined;
}

/** How a provider turns a failed reply into an error class and message. */
export type ReplyError = (
  status: number,
  body: unknown,
  retryAfterMs: number | undefined,
) => ProviderError;

/**
 * A JSON client for one provider: every call sends its headers, and a non-2xx reply (or
 * one `isFailure` says failed, for APIs with an error envelope) becomes that provider's error.
 */
export function jsonClient(
  provider: string,
  headers: Record<string, string>,
  toError: ReplyError,
  isFailure: (body: unknown) => boolean = () => false,
) {
  return async <T>(
    url: string,
    method: 'GET' | 'POST' | 'PUT',
    signal?: AbortSignal,
    body?: unknown,
  ): Promise<T> => {
    const reply = await requestJson(url, { method, headers, body }, signal, provider);
    if (reply.status < 200 || reply.status >= 300 || isFailure(reply.body)) {
      throw toError(
        reply.status,
        reply.body,
        parseRetryAfter(reply.headers.get('retry-after'), Date.now()),
      );
    }
    return (reply.body ?? {}) as T;
  };
}
