/** How the store's failures are logged: fastify's logger fits. */
export interface OutageLog {
  error(details: object, message: string): void;
  info(details: object, message: string): void;
}

export interface StoreOutageReport {
  /** The store failed to count a hit. */
  failed(error: unknown): void;
  /** The store counted a hit. */
  answered(): void;
}

/** While an outage lasts, it is logged again at most this often. */
const reminderMs = 60_000;

/**
 * Logs failures of the rate-limit store once per outage rather than once per request (a busy
 * database fails every request at once): its first failure, a reminder a minute while it lasts,
 * and its end. Only the failure's type, code and innermost message are logged: a query error's
 * own message quotes its parameters (callers' addresses and ids).
 */
export function reportStoreOutage(
  log: OutageLog,
  now: () => number = () => Date.now(),
): StoreOutageReport {
  let outage: { since: number; failures: number; loggedAt: number } | null = null;
  return {
    failed(error) {
      const at = now();
      if (!outage) {
        outage = { since: at, failures: 1, loggedAt: at };
        log.error(
          { cause: describeFailure(error) },
          'the rate-limit store failed: limited requests get 503 until it answers again',
        );
        return;
      }
      outage.failures++;
      if (at - outage.loggedAt < reminderMs) return;
      outage.loggedAt = at;
      log.error(
        { cause: describeFailure(error), failures: outage.failures, forMs: at - outage.since },
        'the rate-limit store is still failing',
      );
    },
    answered() {
      if (!outage) return;
      log.info(
        { failures: outage.failures, forMs: now() - outage.since },
        'the rate-limit store answers again',
      );
      outage = null;
    },
  };
}

const maxMessageLength = 200;

/** The innermost cause of `error`, with the innermost code found on the way (SQLITE_BUSY). */
function describeFailure(error: unknown): { type: string; code: string | null; message: string } {
  let innermost = error;
  let code: string | null = null;
  for (let depth = 0; depth < 8 && typeof innermost === 'object' && innermost !== null; depth++) {
    const { code: own, cause } = innermost as { code?: unknown; cause?: unknown };
    if (typeof own === 'string') code = own;
    if (cause === undefined || cause === null) break;
    innermost = cause;
  }
  const message = innermost instanceof Error ? innermost.message : String(innermost);
  return {
    type: innermost instanceof Error ? innermost.name : typeof innermost,
    code,
    message: message.slice(0, maxMessageLength),
  };
}
