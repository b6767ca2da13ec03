import type { WebSocketServer } from 'ws';
import type { Logger, ReplayGate } from '@genhub/core';
import { disconnect } from './disconnect';
import { SubscriberConnection, type ConnectionLimits } from './subscriber-connection';

export interface ConnectionRegistry {
  /** The connection a tRPC call came over: its WebSocket is `res` in createContext; null over HTTP. */
  of(res: unknown): SubscriberConnection | null;
}

/**
 * Follows every WebSocket the server accepts: counts them per client address (one past the
 * cap is closed with a reason) and keeps a {@link SubscriberConnection} for each.
 */
export function trackConnections(
  wss: WebSocketServer,
  limits: ConnectionLimits & { maxPerClient: number },
  replays: Pick<ReplayGate, 'acquire'>,
  log: Logger,
): ConnectionRegistry {
  const perClient = new Map<string, number>();
  const connections = new WeakMap<object, SubscriberConnection>();
  wss.on('connection', (socket, req) => {
    const client = req.socket.remoteAddress ?? '';
    const count = perClient.get(client) ?? 0;
    if (count >= limits.maxPerClient) {
      log.info(
        { remoteAddress: client },
        'WebSocket connection refused: too many from this address',
      );
      disconnect(
        socket,
        `too many connections from this address (the most is ${limits.maxPerClient}): close one and retry`,
      );
      return;
    }
    perClient.set(client, count + 1);
    socket.once('close', () => {
      const left = (perClient.get(client) ?? 1) - 1;
      if (left > 0) perClient.set(client, left);
      else perClient.delete(client);
    });
    connections.set(socket, new SubscriberConnection(socket, req.socket, limits, replays, log));
  });
  return {
    of: (res) => (typeof res === 'object' && res !== null ? (connections.get(res) ?? null) : null),
  };
}
