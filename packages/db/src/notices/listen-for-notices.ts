import pg from 'pg';

export interface NoticeListener {
  /** Resolves once LISTEN is in place for the first time. */
  ready: Promise<void>;
  /** True while a connection is listening (for readiness checks). */
  readonly listening: boolean;
  close(): Promise<void>;
}

export interface ListenOptions {
  connectionString: string;
  channels: readonly string[];
  /**
   * A notice arrived on `channel`, or the connection came back after a loss (every channel
   * is told then: notices sent while it was away are gone, so readers must look for themselves).
   */
  onNotice: (channel: string) => void;
  onError?: (error: unknown) => void;
  /** The longest wait between reconnection attempts. */
  maxBackoffMs?: number;
}

/**
 * A dedicated connection that LISTENs on `channels` and comes back by itself when it is lost,
 * retrying with a growing pause. Notices carry no payload the app relies on.
 */
export function listenForNotices(options: ListenOptions): NoticeListener {
  const maxBackoffMs = options.maxBackoffMs ?? 5000;
  let client: pg.Client | null = null;
  let closed = false;
  let listening = false;
  let backoffMs = 100;
  let retry: NodeJS.Timeout | null = null;
  let resolveReady!: () => void;
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));

  const connect = async (): Promise<void> => {
    retry = null;
    if (closed) return;
    const next = new pg.Client({ connectionString: options.connectionString });
    client = next;
    next.on('notification', (message) => options.onNotice(message.channel));
    next.on('error', (error) => lost(next, error));
    next.on('end', () => lost(next, null));
    try {
      await next.connect();
      for (const channel of options.channels) {
        await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
    } catch (error) {
      lost(next, error);
      return;
    }
    if (closed || client !== next) return;
    listening = true;
    backoffMs = 100;
    resolveReady();
    for (const channel of options.channels) options.onNotice(channel);
  };

  const lost = (which: pg.Client, error: unknown) => {
    if (client !== which) return;
    client = null;
    listening = false;
    which.removeAllListeners();
    which.on('error', () => undefined);
    void which.end().catch(() => undefined);
    if (error) options.onError?.(error);
    if (closed) return;
    retry = setTimeout(() => void connect(), backoffMs);
    backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
  };

  void connect();
  return {
    ready,
    get listening() {
      return listening;
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      listening = false;
      if (current) {
        current.removeAllListeners();
        current.on('error', () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
