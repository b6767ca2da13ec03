import type { WebSocket } from 'ws';
import type { Viewer } from '../auth/viewer';

/** The close code a client sees when it must sign in again (4000–4999 are the app's own). */
export const credentialsChangedCode = 4401;

interface Holder {
  viewer: Viewer;
  /** Resolves the socket's credentials again, as they were presented when it connected. */
  recheck: () => Promise<Viewer | null>;
}

/** Whether a fresh look at the credentials still grants what the socket connected with. */
const stillHolds = (before: Viewer, now: Viewer | null): boolean =>
  now !== null &&
  now.user.id === before.user.id &&
  before.scopes.every((scope) => now.scopes.includes(scope));

/**
 * The WebSockets each signed-in user holds, and the key each rides on. A socket's caller is
 * resolved when it connects and again on each call over it, and every `sweepMs` for sockets
 * that only listen; when a key is revoked, a session ends (sign-out, expiry, a password
 * change) or a user is disabled, demoted or given a new password, the socket is closed, so a
 * reconnect has to present valid credentials again.
 */
export class UserSockets {
  private readonly sockets = new Map<WebSocket, Holder>();
  private readonly timer: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    sweepMs = 30_000,
    /** Called before sockets are ended, so what is remembered of credentials goes first. */
    private readonly onEnd: () => void = () => undefined,
  ) {
    this.timer = setInterval(() => void this.sweep(), sweepMs);
    this.timer.unref();
  }

  add(socket: WebSocket, viewer: Viewer, recheck: Holder['recheck']): void {
    if (this.sockets.has(socket)) return;
    this.sockets.set(socket, { viewer, recheck });
    socket.once('close', () => this.sockets.delete(socket));
  }

  /**
   * The socket's caller now: null (and the socket closed) once its credentials no longer
   * grant what it connected with; unknown sockets (signed out from the start) stay null.
   */
  async current(socket: WebSocket): Promise<Viewer | null> {
    const holder = this.sockets.get(socket);
    if (!holder) return null;
    const now = await holder.recheck().catch(() => null);
    if (stillHolds(holder.viewer, now)) return now;
    this.close(socket);
    return null;
  }

  /** Closes the sockets of a user, or only those that came with one key. */
  end(who: { userId: string } | { keyId: string }): number {
    this.onEnd();
    let ended = 0;
    for (const [socket, { viewer }] of this.sockets) {
      const matches = 'userId' in who ? viewer.user.id === who.userId : viewer.keyId === who.keyId;
      if (!matches) continue;
      this.close(socket);
      ended++;
    }
    return ended;
  }

  /** Looks at every signed-in socket's credentials again; one sweep at a time. */
  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      for (const socket of [...this.sockets.keys()]) await this.current(socket);
    } finally {
      this.sweeping = false;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private close(socket: WebSocket): void {
    this.sockets.delete(socket);
    socket.close(credentialsChangedCode, 'Your credentials changed: sign in again');
  }
}
