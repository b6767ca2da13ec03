import type { WebSocket } from 'ws';
import type { Viewer } from '../auth/viewer';

/** The close code a client sees when it must sign in again (4000–4999 are the app's own). */
export const credentialsChangedCode = 4401;

/**
 * The WebSockets each signed-in user holds, and the key each rides on. A socket's caller is
 * resolved once, when it connects: when a key is revoked, a user disabled or their password
 * reset, their sockets are closed, so a reconnect has to present valid credentials again.
 */
export class UserSockets {
  private readonly sockets = new Map<WebSocket, { userId: string; keyId: string | null }>();

  add(socket: WebSocket, viewer: Viewer): void {
    if (this.sockets.has(socket)) return;
    this.sockets.set(socket, { userId: viewer.user.id, keyId: viewer.keyId ?? null });
    socket.once('close', () => this.sockets.delete(socket));
  }

  /** Closes the sockets of a user, or only those that came with one key. */
  end(who: { userId: string } | { keyId: string }): number {
    let ended = 0;
    for (const [socket, holder] of this.sockets) {
      const matches = 'userId' in who ? holder.userId === who.userId : holder.keyId === who.keyId;
      if (!matches) continue;
      socket.close(credentialsChangedCode, 'Your credentials changed: sign in again');
      this.sockets.delete(socket);
      ended++;
    }
    return ended;
  }
}
