import { createWSClient, type TRPCWebSocketClient } from '@trpc/client';
import WebSocketOfWs from 'ws';
import { backoffDelay } from './backoff-delay';
import { endpoint } from './endpoint';

/** A WebSocket class: the browser's, Node 22's, or `ws`'s. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => object;

export interface LazyWebSocketClient {
  /** The client, connecting on first use. */
  get(): TRPCWebSocketClient;
  close(): Promise<void>;
}

/** The WebSocket to use: the one given, else the platform's, else (Node 20) `ws`. */
function pickWebSocket(given: WebSocketConstructor | undefined): WebSocketConstructor {
  // Typed as always there by the DOM library; Node 20 has none.
  const platform = globalThis.WebSocket as WebSocketConstructor | undefined;
  return given ?? platform ?? WebSocketOfWs;
}

/**
 * tRPC's WebSocket client, made on the first subscription. It connects while a subscription
 * is open and closes a second after the last one ends, so a script that is done can exit.
 */
export function lazyWebSocketClient(
  base: URL,
  apiKey: string,
  given: WebSocketConstructor | undefined,
): LazyWebSocketClient {
  let client: TRPCWebSocketClient | null = null;
  const url = endpoint(base, 'trpc');
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return {
    get() {
      client ??= createWSClient({
        url: url.href,
        // tRPC types this as the DOM's WebSocket; `ws` and the platform's both fit at run time.
        WebSocket: pickWebSocket(given) as typeof globalThis.WebSocket,
        connectionParams: { token: apiKey },
        lazy: { enabled: true, closeMs: 1_000 },
        keepAlive: { enabled: true },
        retryDelayMs: (attemptIndex) => backoffDelay(attemptIndex + 1),
      });
      return client;
    },
    async close() {
      const open = client;
      client = null;
      await open?.close();
    },
  };
}
