import type { Socket } from 'node:net';
import { TRPCError } from '@trpc/server';
import type { WebSocket } from 'ws';
import { ReplayGate, type Logger } from '@genhub/core';
import { chainReplayGates } from './chain-replay-gates';
import { disconnect } from './disconnect';
import { PacedSubscription } from './paced-subscription';
import { SocketPacer, type PacerLimits } from './socket-pacer';

export interface ConnectionLimits extends PacerLimits {
  /** Subscriptions one connection may hold open at once. */
  maxSubscriptions: number;
}

export interface SubscriptionSlot {
  /** The subscription, paced to the socket; the slot is given back when it ends or `signal` aborts. */
  hold<T>(iterable: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncIterable<T>;
  /** Gives the slot back unused. */
  cancel(): void;
}

/**
 * What the server knows of one WebSocket client: the subscriptions it holds (each paced to
 * its socket), and where its replays wait. A client that stops reading is paused, then
 * disconnected with a reason.
 */
export class SubscriberConnection {
  private readonly pacer: SocketPacer;
  private readonly subscriptions = new Set<PacedSubscription<unknown>>();
  private reserved = 0;
  /**
   * Where this connection's subscriptions wait to replay the log: one at a time (they share
   * one socket, so more at once would not be faster), then in the server-wide queue.
   */
  readonly replays: Pick<ReplayGate, 'acquire'>;

  constructor(
    private readonly socket: WebSocket,
    private readonly raw: Socket,
    private readonly limits: ConnectionLimits,
    serverReplays: Pick<ReplayGate, 'acquire'>,
    private readonly log: Logger,
  ) {
    const own = new ReplayGate({
      running: 1,
      waiting: limits.maxSubscriptions,
      busy: () => new Error('unreachable: a connection holds no more subscriptions than this'),
    });
    this.replays = chainReplayGates(own, serverReplays);
    this.pacer = new SocketPacer(socket, raw, limits, (reason) => this.disconnect(reason));
    void this.pacer.closed.then(() => {
      for (const subscription of this.subscriptions) void subscription.return();
    });
  }

  /** One of the connection's subscription slots; TOO_MANY_REQUESTS when none is free. */
  reserveSubscription(): SubscriptionSlot {
    if (this.reserved >= this.limits.maxSubscriptions) {
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `This connection already holds ${this.limits.maxSubscriptions} subscriptions, the most one may: stop one, or open another connection`,
      });
    }
    this.reserved++;
    let settled = false;
    const giveBack = () => {
      if (settled) return;
      settled = true;
      this.reserved--;
    };
    return {
      cancel: giveBack,
      hold: <T>(iterable: AsyncIterable<T>, signal: AbortSignal | undefined) => {
        // On `subscription.stop`, tRPC aborts at once but ends the iterator a few ticks later.
        signal?.addEventListener('abort', giveBack, { once: true });
        const subscription: PacedSubscription<T> = new PacedSubscription(
          iterable[Symbol.asyncIterator](),
          () => this.pacer.whenReady(),
          () => {
            giveBack();
            signal?.removeEventListener('abort', giveBack);
            this.subscriptions.delete(subscription);
          },
        );
        this.subscriptions.add(subscription);
        // The socket may have closed while the subscription was being made.
        if (this.socket.readyState !== this.socket.OPEN) void subscription.return();
        return subscription;
      },
    };
  }

  private disconnect(reason: string): void {
    this.log.info(
      { remoteAddress: this.raw.remoteAddress, reason },
      'WebSocket client disconnected',
    );
    disconnect(this.socket, reason);
  }
}
