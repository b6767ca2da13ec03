import { getQueueStatus, type CoreContext, type QueueStatus } from '@genhub/core';

const minIntervalMs = 250;

/** Queue status snapshots: the latest wins, so changes in a burst are coalesced. */
export async function* queueStatusUpdates(
  core: CoreContext,
  signal: AbortSignal | undefined,
): AsyncGenerator<QueueStatus, void, undefined> {
  let dirty = true;
  let wake: (() => void) | null = null;
  const touch = () => {
    dirty = true;
    const w = wake;
    wake = null;
    w?.();
  };
  // Only the acting user's tasks wake it: another user's activity is not theirs to see.
  const offTasks = core.bus.subscribe((event) => {
    if (core.owner === undefined || event.task.owner === core.owner) touch();
  });
  const offQueue = core.queueChanged.subscribe(touch);
  signal?.addEventListener('abort', touch);
  try {
    while (!signal?.aborted) {
      if (!dirty) await new Promise<void>((resolve) => (wake = resolve));
      if (signal?.aborted) return;
      dirty = false;
      yield await getQueueStatus(core);
      await new Promise((resolve) => setTimeout(resolve, minIntervalMs));
    }
  } finally {
    offTasks();
    offQueue();
    signal?.removeEventListener('abort', touch);
  }
}
