import type { z } from 'zod';
import { jsonClient } from '../http-json';
import { parseReply } from '../parse-reply';
import { RateLimiter, type Wait } from '../rate-limiter';
import { kieError } from './kie-errors';
import { kieEnvelope } from './kie-replies';

export interface KieClientOptions {
  apiKey: string | undefined;
  baseUrl: string;
  /** recordInfo calls per second across all tasks (KIE allows 10). */
  pollsPerSecond?: number | undefined;
  /** The clock and sleep of the rate limits (tests drive them by hand). */
  now?: (() => number) | undefined;
  wait?: Wait | undefined;
}

/** KIE accepts at most this many new generation requests per account in any 10 s, else 429. */
export const kieCreateLimit = { calls: 20, windowMs: 10_000 };

type Method = 'GET' | 'POST';

/** Calls to KIE's hosts: the envelope checked, `data` parsed, the account's rate limits kept. */
export interface KieClient {
  /** Starts a generation (KIE drops one over the limit rather than queue it: so we wait). */
  create<S extends z.ZodType>(
    path: string,
    body: unknown,
    data: S,
    signal: AbortSignal,
  ): Promise<z.output<S>>;
  /** Reads a task's record or the account. */
  read<S extends z.ZodType>(path: string, data: S, signal?: AbortSignal): Promise<z.output<S>>;
  /** Any other call, to the API or another KIE host (file uploads). */
  send<S extends z.ZodType>(
    url: string,
    method: Method,
    data: S,
    signal?: AbortSignal,
    body?: unknown,
  ): Promise<z.output<S>>;
}

const envelopeOf = (body: unknown) => {
  const parsed = kieEnvelope.safeParse(body);
  return parsed.success ? parsed.data : undefined;
};

export function createKieClient(options: KieClientOptions): KieClient {
  const base = options.baseUrl.replace(/\/$/, '');
  const now = options.now ?? Date.now;
  const creates = new RateLimiter(kieCreateLimit.calls, now, kieCreateLimit.windowMs, options.wait);
  const reads = new RateLimiter(options.pollsPerSecond ?? 10, now, 1000, options.wait);

  // The HTTP status first, then the envelope's code: they need not agree.
  const request = jsonClient(
    'KIE.ai',
    { authorization: `Bearer ${options.apiKey ?? ''}` },
    (status, body, retryAfterMs) => {
      const envelope = envelopeOf(body);
      const ok = status >= 200 && status < 300;
      return kieError(
        ok ? (envelope?.code ?? status) : status,
        envelope?.msg ?? envelope?.message ?? undefined,
        retryAfterMs,
      );
    },
    (body) => {
      const envelope = envelopeOf(body);
      return (envelope?.code !== undefined && envelope.code !== 200) || envelope?.success === false;
    },
  );

  const send: KieClient['send'] = async (url, method, data, signal, body) => {
    const reply = await request<unknown>(url, method, signal, body);
    const envelope = parseReply(kieEnvelope, reply, 'KIE.ai', 'a reply');
    return parseReply(
      data,
      envelope.data,
      'KIE.ai',
      `a reply to ${method} ${new URL(url).pathname}`,
    );
  };

  return {
    send,
    create: (path, body, data, signal) =>
      creates.run(() => send(`${base}${path}`, 'POST', data, signal, body), signal),
    read: async (path, data, signal) => {
      await reads.acquire(signal);
      return send(`${base}${path}`, 'GET', data, signal);
    },
  };
}
