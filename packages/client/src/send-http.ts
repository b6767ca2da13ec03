import { backoffDelay } from './backoff-delay';
import type { ClientContext } from './client-context';
import { errorFromResponse } from './error-from-response';
import type { GenhubError } from './genhub-error';
import { isTransient } from './is-transient';
import { pause } from './pause';
import { toGenhubError } from './to-genhub-error';

export interface SendOptions {
  method?: 'GET' | 'POST';
  body?: FormData;
  signal?: AbortSignal | undefined;
  /** Safe to send again after a transient failure (a GET, not an upload). */
  repeatable: boolean;
}

/**
 * A plain HTTP request to genhub: the API key goes only to the server's own origin (a
 * generation's URL could point elsewhere); a failure becomes a GenhubError.
 */
export async function sendHttp(
  ctx: ClientContext,
  target: URL,
  options: SendOptions,
): Promise<Response> {
  const headers: Record<string, string> =
    target.origin === ctx.base.origin ? { authorization: `Bearer ${ctx.apiKey}` } : {};
  for (let attempt = 1; ; attempt++) {
    let failure: GenhubError;
    try {
      const response = await ctx.fetch(target, {
        method: options.method ?? 'GET',
        headers,
        body: options.body ?? null,
        signal: options.signal ?? null,
      });
      if (response.ok) return response;
      failure = await errorFromResponse(response);
    } catch (error) {
      failure = toGenhubError(error);
    }
    if (!options.repeatable || attempt > ctx.retries || !isTransient(failure)) throw failure;
    await pause(backoffDelay(attempt), options.signal);
  }
}
