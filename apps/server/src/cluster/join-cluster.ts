import {
  LogFollowingBus,
  PollingNotices,
  SharedSignal,
  Signal,
  TaskEventBus,
  type Logger,
  type NoticeTopic,
} from '@genhub/core';
import { createSqliteNoticeBoard, type Db, type EventLog } from '@genhub/db';

/** How this instance hears the others that share its database (none, unless clustered). */
export interface ClusterMembership {
  bus: TaskEventBus;
  /** A signal that fires here when it fires in any instance. */
  signal(topic: NoticeTopic): Signal;
  /** Runs `listener` when another instance announces `topic`. */
  on(topic: NoticeTopic, listener: () => void): () => void;
  /** Tells the other instances about `topic`. */
  announce(topic: NoticeTopic): void;
  stop(): void;
}

export interface ClusterOptions {
  /** Other processes on this host share the SQLite file. */
  clustered: boolean;
  /** How often the shared file is looked at for their changes. */
  pollMs: number;
}

const alone: Omit<ClusterMembership, 'bus'> = {
  signal: () => new Signal(),
  on: () => () => undefined,
  announce: () => undefined,
  stop: () => undefined,
};

/**
 * Alone, events and signals stay in this process. Clustered, listeners hear every event read
 * back from the shared log in seq order, and signals travel through a board of counters in
 * the shared file, both looked at every `pollMs`.
 */
export async function joinCluster(
  db: Db,
  eventLog: EventLog,
  options: ClusterOptions,
  log: Logger,
): Promise<ClusterMembership> {
  if (!options.clustered) return { ...alone, bus: new TaskEventBus() };
  const bus = new LogFollowingBus(
    eventLog,
    await eventLog.lastAssigned(),
    256,
    (error) => log.error({ err: error }, 'could not read the task event log; retrying'),
    (error, event) => log.error({ err: error, seq: event.seq }, 'a task event listener threw'),
  );
  const notices = new PollingNotices(createSqliteNoticeBoard(db));
  const signals: SharedSignal[] = [];
  const timer = setInterval(() => {
    try {
      notices.poll();
    } catch (error) {
      log.error({ err: error }, 'could not read the instances’ notices; retrying');
    }
    bus.wake();
  }, options.pollMs);
  timer.unref();
  return {
    bus,
    signal(topic) {
      const signal = new SharedSignal(notices, topic);
      signals.push(signal);
      return signal;
    },
    on: (topic, listener) => notices.on(topic, listener),
    announce: (topic) => notices.send(topic),
    stop() {
      clearInterval(timer);
      for (const signal of signals) signal.close();
    },
  };
}
