import type { WebSocket } from 'ws';

/** "Try again later": the client may reconnect, and resume with its lastEventId. */
export const tryAgainLater = 1013;
const closeGraceMs = 1000;
/** A close frame's reason is at most 123 bytes. */
const maxReasonBytes = 123;

/**
 * Closes with a reason the client can read, then drops the socket if the close does not
 * finish soon: a client that reads nothing never answers the close frame, which waits behind
 * everything it has not read.
 */
export function disconnect(socket: WebSocket, reason: string): void {
  if (socket.readyState === socket.CLOSING || socket.readyState === socket.CLOSED) return;
  socket.close(tryAgainLater, Buffer.from(reason).subarray(0, maxReasonBytes));
  const drop = setTimeout(() => socket.terminate(), closeGraceMs);
  socket.once('close', () => clearTimeout(drop));
}
