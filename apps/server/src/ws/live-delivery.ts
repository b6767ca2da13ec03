import { trackedDataFrame } from './shared-payload-encoder';

/** What `tracked(id, data)` returns: the tracked id and the value. */
export type TrackedEnvelope = readonly [string, object, ...unknown[]];

/**
 * One subscription's fast path for live values. tRPC's adapter spends more on each message
 * (a promise race, a response object, the encoder call) than the socket write costs, once
 * per subscriber; a value that arrives while the subscription waits for its next one is
 * instead framed once per distinct subscription head and written by the connection. The
 * subscription's head (its JSON-RPC id) is learnt from the `started` message tRPC sends it;
 * until then, and whenever the socket has a backlog, values go through tRPC as before.
 */
export class LiveDelivery {
  private head: string | null = null;

  constructor(private readonly write: (frame: Uint8Array) => boolean) {}

  learnHead(head: string): void {
    this.head = head;
  }

  /** True when the value was written; false leaves it to the subscription's iterator. */
  deliver(envelope: TrackedEnvelope): boolean {
    if (this.head === null) return false;
    return this.write(trackedDataFrame(this.head, envelope[0], envelope[1]));
  }
}
