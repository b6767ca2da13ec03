import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@genhub/api';
import { liveConnectionAllowed } from './account/live-connection-gate';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export const queryClient = new QueryClient({
  defaultOptions: {
    // The subscription keeps the cache current; nothing polls or refetches on focus.
    queries: {
      staleTime: Infinity,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      retry: 1,
    },
  },
});

const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/trpc`;

export const wsClient = createWSClient({
  // Opens once someone is signed in, so the upgrade carries their session cookie.
  url: () => liveConnectionAllowed().then(() => wsUrl),
  keepAlive: { enabled: true, intervalMs: 10_000, pongTimeoutMs: 4_000 },
  retryDelayMs: (attempt) => Math.min(500 * 2 ** attempt, 5_000),
});

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: wsLink({ client: wsClient }),
      false: httpBatchLink({ url: '/trpc' }),
    }),
  ],
});
