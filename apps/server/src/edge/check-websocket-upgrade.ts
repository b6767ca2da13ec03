import type { Refusal } from './refusal';

/** `/trpc` itself is only the WebSocket endpoint: a plain request there is told so. */
export function checkWebSocketUpgrade(upgrade: string | undefined): Refusal | null {
  if (upgrade?.toLowerCase() === 'websocket') return null;
  return {
    status: 426,
    code: 'UPGRADE_REQUIRED',
    trpcCode: 'BAD_REQUEST',
    message:
      '/trpc without a procedure is the WebSocket endpoint for subscriptions: open a WebSocket, ' +
      'or call /trpc/<procedure> over HTTP',
  };
}
