import type { TaskEventBus } from '@genhub/core';

export interface DeliveredSeq {
  /** The newest `seq` the bus has handed to its listeners. */
  newest: () => number;
  stop: () => void;
}

/** Follows what the bus delivers, as one more listener, from `start` (the newest seq at start-up). */
export function watchDeliveredSeq(bus: TaskEventBus, start: number): DeliveredSeq {
  let newest = start;
  const stop = bus.subscribe((event) => {
    if (event.seq > newest) newest = event.seq;
  });
  return { newest: () => newest, stop };
}
