import { codeOfStatus } from './code-of-status';
import { GenhubError } from './genhub-error';
import { toGenhubError } from './to-genhub-error';

/**
 * `fetch` for tRPC's HTTP link: an answer that is not tRPC's JSON (a proxy's 502 page) fails
 * with its status instead of as unreadable JSON, and a connection failure as NETWORK, so the
 * retry policy can tell them apart.
 */
export function trpcFetch(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    let response: Response;
    try {
      response = await fetchImpl(input, init);
    } catch (error) {
      throw toGenhubError(error);
    }
    const json = response.headers.get('content-type')?.includes('application/json') ?? false;
    if (!response.ok && !json) {
      await response.body?.cancel();
      throw new GenhubError(
        codeOfStatus(response.status),
        `genhub answered HTTP ${response.status}`,
        {
          status: response.status,
        },
      );
    }
    return response;
  };
}
