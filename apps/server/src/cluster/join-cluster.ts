import {
  LogFollowingBus,
  PollingNotices,
  SharedSignal,
  Signal,
  TaskEventBus,
  type Logger,
  type NoticeTopic,
} from '@genhub/core';
import type { EventLog } from '@genhub/db';
import type { ClusterLink } from './cluster-link';

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

const alone: Omit<ClusterMembership, 'bus'> = {
  signal: () => new Signal(),
  on: () => () => undefined,
  announce: () => undefined,
  stop: () => undefined,
};

/**
 * Alone (`link` null), events and signals stay in this process. Clustered, listeners hear every
 * event read back from the shared log in seq order, and signals travel through the shared board
 * of counters: both are looked at when the database says they changed, and every `pollMs`.
 */
export async function joinCluster(
  link: ClusterLink | null,
  eventLog: EventLog,
  log: Logger,
): Promise<ClusterMembership> {
  if (!link) return { ...alone, bus: new TaskEventBus() };
  const bus = new LogFollowingBus(
    eventLog,
    await eventLog.lastAssigned(),
    256,
    (error) => log.error({ err: error }, 'could not read the task event log; retrying'),
    (error, event) => log.error({ err: error, seq: event.seq }, 'a task event listener threw'),
  );
  const notices = await PollingNotices.open(link.board, (error) =>
    log.error({ err: error }, 'could not share notices with the other instances; retrying'),
  );
  const signals: SharedSignal[] = [];
  const stopWakes = link.onWake((wake) => {
    if (wake === 'events') bus.wake();
    else void notices.poll();
  });
  const timer = setInterval(() => {
    void notices.poll();
    bus.wake();
  }, link.pollMs);
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
      stopWakes();
      for (const signal of signals) signal.close();
    },
  };
}
