import { exitCodes } from './exit-codes';

export interface Interrupt {
  /** Aborted on the first Ctrl-C (SIGINT) or SIGTERM. */
  signal: AbortSignal;
  dispose(): void;
}

/**
 * Turns Ctrl-C into an abort of the wait, so the command can say which task keeps running.
 * A second Ctrl-C exits at once.
 */
export function onInterrupt(): Interrupt {
  const controller = new AbortController();
  const handle = () => {
    if (controller.signal.aborted) process.exit(exitCodes.interrupted);
    controller.abort();
  };
  process.on('SIGINT', handle);
  process.on('SIGTERM', handle);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', handle);
      process.off('SIGTERM', handle);
    },
  };
}
