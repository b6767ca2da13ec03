import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { TurnBatch } from './turn-batch';

export interface PacerLimits {
  /** Bytes queued for the socket past which it is disconnected. */
  maxBufferedBytes: number;
  /** A socket that has not drained for this long, while something waits to be sent, is disconnected. */
  stallTimeoutMs: number;
}

/**
 * Bytes a socket may queue before its senders wait for it to drain; also what one socket may
 * send in one turn of the event loop before its senders wait for the next turn.
 */
export const lowWaterBytes = 64 * 1024;

const wsOpen = 1;
const noop = () => undefined;
const turns = new TurnBatch<SocketPacer>();

/**
 * Paces what the server sends on one WebSocket. tRPC's adapter sends with `socket.send` and
 * never looks at the buffer, so `send` is wrapped here, the one place that sees every frame:
 *
 * - frames sent in one turn of the event loop leave together at its end, in one write (ws
 *   alone makes a syscall per frame): a task's `created` and `started` events, say;
 * - `whenReady()` holds senders back while the socket has a backlog, and after a turn's
 *   worth of bytes, so one busy socket cannot keep the event loop from everything else;
 * - a backlog past `maxBufferedBytes`, or one that does not drain in `stallTimeoutMs`, ends
 *   the connection through `onViolation`.
 */
export class SocketPacer {
  private readonly lowWater: number;
  private drained: Promise<void> | null = null;
  private settleDrained: () => void = noop;
  private stallTimer: NodeJS.Timeout | undefined;
  private inTurn = false;
  private sentThisTurn = 0;
  private nextTurn: Promise<void> | null = null;
  private settleNextTurn: () => void = noop;
  /** Settles when the socket closes. */
  readonly closed: Promise<void>;

  constructor(
    private readonly socket: WebSocket,
    private readonly raw: Socket,
    private readonly limits: PacerLimits,
    private readonly onViolation: (reason: string) => void,
    /** Sees every message sent through `socket.send`, before it is sent. */
    private readonly onSend: (data: unknown) => void = noop,
  ) {
    // Node emits 'drain' only once the buffer passed its high-water mark and then emptied.
    this.lowWater = Math.max(lowWaterBytes, raw.writableHighWaterMark);
    raw.on('drain', this.onDrain);
    this.closed = new Promise((resolve) =>
      socket.once('close', () => {
        clearTimeout(this.stallTimer);
        raw.off('drain', this.onDrain);
        this.settleDrained();
        this.settleNextTurn();
        resolve();
      }),
    );
    this.wrapSend();
  }

  /** Whether a frame may be sent now, without starting to wait for anything. */
  canSendNow(): boolean {
    return (
      this.socket.readyState === wsOpen &&
      this.socket.bufferedAmount <= this.lowWater &&
      this.sentThisTurn < this.lowWater
    );
  }

  /** Null when the socket can take more now; otherwise settles when it can, or closes. */
  whenReady(): Promise<void> | null {
    if (this.canSendNow()) return null;
    if (this.socket.readyState !== wsOpen) return this.closed;
    if (this.socket.bufferedAmount > this.lowWater) return this.waitForDrain();
    return (this.nextTurn ??= new Promise((resolve) => (this.settleNextTurn = resolve)));
  }

  private waitForDrain(): Promise<void> {
    if (this.drained) return this.drained;
    this.drained = new Promise((resolve) => (this.settleDrained = resolve));
    this.stallTimer = setTimeout(
      () =>
        this.onViolation(
          `not reading: ${this.socket.bufferedAmount} bytes unread for ${this.limits.stallTimeoutMs} ms; reconnect with lastEventId to resume`,
        ),
      this.limits.stallTimeoutMs,
    );
    return this.drained;
  }

  /** Waiters resume in a later turn of the event loop, so other work gets one in between. */
  private readonly onDrain = () => {
    clearTimeout(this.stallTimer);
    const settle = this.settleDrained;
    this.drained = null;
    setImmediate(settle);
  };

  /** Called by {@link turns} once the turn in which this socket sent something is over. */
  endTurn(): void {
    this.inTurn = false;
    this.sentThisTurn = 0;
    this.raw.uncork();
    const settle = this.settleNextTurn;
    this.nextTurn = null;
    this.settleNextTurn = noop;
    settle();
  }

  /**
   * Writes an already framed WebSocket message straight to the socket, with the same
   * accounting as a frame sent through `socket.send` (the caller checks `canSendNow()`).
   * Safe beside ws's own sender because it never queues frames here: the server does not
   * compress and sends no Blobs.
   */
  writeFrame(frame: Buffer): void {
    this.startTurn();
    this.raw.write(frame);
    this.sentThisTurn += frame.byteLength;
    this.afterWrite();
  }

  private startTurn(): void {
    if (this.inTurn) return;
    this.inTurn = true;
    this.raw.cork();
    turns.add(this);
  }

  /** Flushes a low-water mark's worth, and ends a connection past its bound. */
  private afterWrite(): void {
    // Flush what is corked once it is a low-water mark's worth: the backlog is then what
    // the kernel would not take, which is what the bound is about.
    if (this.raw.writableLength >= this.lowWater) {
      this.raw.uncork();
      this.raw.cork();
    }
    const socket = this.socket;
    if (socket.readyState === wsOpen && socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.onViolation(
        `too far behind: more than ${this.limits.maxBufferedBytes} bytes unread; reconnect with lastEventId to resume`,
      );
    }
  }

  private wrapSend(): void {
    const socket = this.socket;
    const send = socket.send.bind(socket) as (data: unknown, ...rest: unknown[]) => void;
    socket.send = ((data: unknown, ...rest: unknown[]) => {
      this.onSend(data);
      this.startTurn();
      if (rest.length === 0 && data instanceof Uint8Array) {
        // Bytes from tRPC are its encoder's UTF-8 JSON (see shared-payload-encoder.ts): text.
        send(data, { binary: false });
        this.sentThisTurn += data.byteLength;
      } else {
        send(data, ...rest);
        // A string's length is near enough its size for a budget.
        if (typeof data === 'string') this.sentThisTurn += data.length;
      }
      this.afterWrite();
    }) as typeof socket.send;
  }
}
