import { z } from 'zod';

/**
 * How long a tool waits before answering with the work still running. Under a minute by
 * default: MCP clients give up on a call after about one (the SDK's default is 60 s).
 */
export const waitSeconds = (what: string) =>
  z
    .number()
    .int()
    .min(0)
    .max(3600)
    .default(50)
    .describe(
      `Seconds to wait for ${what} before answering with it still running (then ask again ` +
        'later); 0 answers at once',
    );

/** The caller's signal, and one that also aborts after `seconds` (`patience` says which did). */
export function waitingSignal(signal: AbortSignal, seconds: number) {
  const patience = AbortSignal.timeout(seconds * 1000);
  return { patience, signal: AbortSignal.any([signal, patience]) };
}
