import type { DataSource, Db, EventLog } from '@genhub/db';
import type { Clock } from './clock';
import type { Signal } from './events/signal';
import type { TaskEventBus } from './events/task-event-bus';
import type { Logger } from './log';
import type { ProviderRegistry } from './providers/registry';
import type { FileLeases } from './storage/file-leases';
import type { Storage } from './storage/storage';
import type { WebhookSettings } from './webhooks/webhook-settings';

/** Everything a core function may touch; tests pass fakes. */
export interface CoreContext {
  db: Db;
  /**
   * The same database, for the reads that moved to `@genhub/db`'s repositories (written once
   * for SQLite and PostgreSQL, awaited).
   */
  data: DataSource;
  /**
   * The user a request acts for: verbs read and change only this user's rows and stamp new
   * ones with it. Absent for the server's own work (scheduler, sweeps) and admin views.
   */
  owner?: string;
  /** Reads the task event log (replays, resumes), whichever database holds it. */
  eventLog: EventLog;
  bus: TaskEventBus;
  /** Emitted when the queue is paused or resumed. */
  queueChanged: Signal;
  storage: Storage;
  /** Stored files that running work holds: the one registry every file deleter asks. */
  fileLeases: FileLeases;
  /** Removes every configured secret (keys, tokens, webhook secrets) from outside text. */
  scrubSecrets?: (text: string) => string;
  providers: ProviderRegistry;
  clock: Clock;
  log: Logger;
  /** Monthly spending caps by price unit (credits, USD, …); new work past one is refused. */
  monthlyBudgets?: ReadonlyMap<string, number>;
  /** The most pixels any image may decode to (MAX_IMAGE_PIXELS); absent means about 50 MP. */
  maxImagePixels?: number;
  /** The largest video a provider may hand over (MAX_VIDEO_BYTES); absent means 512 MiB. */
  maxVideoBytes?: number;
  /** An ffmpeg for video posters (FFMPEG_PATH); absent or null: neutral posters. */
  ffmpegPath?: string | null;
  /** Outgoing webhooks: how endpoint secrets are sealed, which hosts tests may reach. */
  webhooks?: WebhookSettings;
}
