import type { Socket } from 'node:net';
import { TRPCError } from '@trpc/server';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { ReplayGate, type Logger } from '@genhub/core';
import { chainReplayGates } from './chain-replay-gates';
import { disconnect } from './disconnect';
import { LiveDelivery } from './live-delivery';
import { PacedSubscription } from './paced-subscription';
import { subscriptionHead } from './shared-payload-encoder';
import { textFrame } from './text-frame';
import { SocketPacer, type PacerLimits } from './socket-pacer';

const startedTail = '"result":{"type":"started"}}';
const startedMessage = z.object({
  id: z.union([z.string(), z.number()]),
  jsonrpc: z.literal('2.0').optional(),
});

export interface ConnectionLimits extends PacerLimits {
  /** Subscriptions one connection may hold open at once. */
  maxSubscriptions: number;
}

export interface SubscriptionSlot {
  /** Where the subscription's live values may skip tRPC's per-message loop. */
  readonly live: LiveDelivery;
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
  /** The subscription whose `started` message is about to be sent. */
  private starting: LiveDelivery | null = null;
  /**
   * Where this connection's subscriptions wait to replay the log: one at a time (they share
   * one socket, so more at once would not be faster), then in the server-wide queue.
   */
  readonly replays: Pick<ReplayGate, 'acquire'>;

  constructor(
    readonly socket: WebSocket,
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
    this.pacer = new SocketPacer(
      socket,
      raw,
      limits,
      (reason) => this.disconnect(reason),
      (data) => this.watchForStarted(data),
    );
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
    const live = new LiveDelivery((frame) => this.writeNow(frame));
    let settled = false;
    const giveBack = () => {
      if (settled) return;
      settled = true;
      this.reserved--;
    };
    return {
      cancel: giveBack,
      live,
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
          () => this.expectStarted(live),
        );
        this.subscriptions.add(subscription);
        // The socket may have closed while the subscription was being made.
        if (this.socket.readyState !== this.socket.OPEN) void subscription.return();
        return subscription;
      },
    };
  }

  /** Sends `frame` if the socket can take it now. */
  private writeNow(message: Uint8Array): boolean {
    if (!this.pacer.canSendNow()) return false;
    this.pacer.writeFrame(textFrame(message));
    return true;
  }

  /**
   * tRPC pulls a new subscription's first value and sends its `started` message in one
   * synchronous step; the id in that message is the subscription's. Nothing else can be
   * sent in between, so the claim lasts until the current microtask ends.
   */
  private expectStarted(live: LiveDelivery): void {
    this.starting = live;
    queueMicrotask(() => {
      if (this.starting === live) this.starting = null;
    });
  }

  private watchForStarted(data: unknown): void {
    if (this.starting === null || typeof data !== 'string' || !data.endsWith(startedTail)) return;
    const started = startedMessage.safeParse(JSON.parse(data));
    if (!started.success) return;
    this.starting.learnHead(subscriptionHead(started.data.id, started.data.jsonrpc));
    this.starting = null;
  }

  private disconnect(reason: string): void {
    this.log.info(
      { remoteAddress: this.raw.remoteAddress, reason },
      'WebSocket client disconnected',
    );
    disconnect(this.socket, reason);
  }
}
