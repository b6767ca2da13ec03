import type { GenhubError } from './genhub-error';
import { toGenhubError } from './to-genhub-error';

export interface SubscriptionHandlers<T> {
  onData: (value: T) => void;
  onError: (error: unknown) => void;
  onStopped: () => void;
  onComplete: () => void;
}

/**
 * A tRPC subscription as an async iterable: opened when iteration starts, unsubscribed when it
 * stops. It ends when the server ends the stream or `signal` aborts, and throws what failed.
 */
export async function* iterateSubscription<T>(
  open: (handlers: SubscriptionHandlers<T>) => { unsubscribe(): void },
  signal: AbortSignal | undefined,
): AsyncGenerator<T, void, undefined> {
  if (signal?.aborted) return;
  let pending: T[] = [];
  const state: { failure: GenhubError | null; ended: boolean } = { failure: null, ended: false };
  let wake: (() => void) | null = null;
  const nudge = () => {
    const resolve = wake;
    wake = null;
    resolve?.();
  };
  const end = () => {
    state.ended = true;
    nudge();
  };
  const subscription = open({
    onData(value) {
      pending.push(value);
      nudge();
    },
    onError(error) {
      state.failure = toGenhubError(error);
      nudge();
    },
    onStopped: end,
    onComplete: end,
  });
  signal?.addEventListener('abort', nudge);
  try {
    for (;;) {
      if (signal?.aborted) return;
      if (pending.length > 0) {
        const batch = pending;
        pending = [];
        for (const value of batch) {
          if (signal?.aborted) return;
          yield value;
        }
        continue;
      }
      if (state.failure) throw state.failure;
      if (state.ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    subscription.unsubscribe();
    signal?.removeEventListener('abort', nudge);
  }
}
