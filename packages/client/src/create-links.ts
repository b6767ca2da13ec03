import { httpBatchLink, retryLink, splitLink, wsLink, type TRPCLink } from '@trpc/client';
import { backoffDelay } from './backoff-delay';
import { endpoint } from './endpoint';
import { shouldRetry } from './should-retry';
import { trpcFetch } from './trpc-fetch';
import type { AppRouter } from './types';
import type { LazyWebSocketClient } from './web-socket-client';

/** The WebSocket link over the client of the moment, which connects on the first subscription. */
function lazyWsLink(sockets: LazyWebSocketClient): TRPCLink<AppRouter> {
  return (runtime) => (call) => wsLink<AppRouter>({ client: sockets.get() })(runtime)(call);
}

/** Retries, then subscriptions over the WebSocket and everything else over HTTP with the key. */
export function createLinks(options: {
  base: URL;
  apiKey: string;
  fetch: typeof fetch;
  retries: number;
  sockets: LazyWebSocketClient;
}): TRPCLink<AppRouter>[] {
  return [
    retryLink({ retry: shouldRetry(options.retries), retryDelayMs: backoffDelay }),
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: lazyWsLink(options.sockets),
      false: httpBatchLink({
        url: endpoint(options.base, 'trpc').href,
        headers: () => ({ authorization: `Bearer ${options.apiKey}` }),
        fetch: trpcFetch(options.fetch),
        // Long query strings (a plan to estimate) go in more, shorter requests.
        maxURLLength: 8_000,
      }),
    }),
  ];
}
