import { Gauge, type Registry } from 'prom-client';
import { countTasksByState, queueDepth, spendThisMonth, type CoreContext } from '@genhub/core';
import { shareInFlight } from './share-in-flight';

/** What the gauges read at scrape time besides the database. */
export interface StateSources {
  core: CoreContext;
  /** WebSocket clients connected now. */
  webSocketClients: () => number;
  /** The newest event `seq` this process's bus has delivered to its listeners. */
  deliveredSeq: () => number;
}

/**
 * The app's state as gauges, each read when scraped (a few indexed queries and counters):
 * queue depth and wait, tasks by state, this month's spend, WebSocket clients, and how far the
 * bus is behind the event log.
 */
export function registerStateGauges(registry: Registry, sources: StateSources): void {
  const { core } = sources;
  const registers = [registry];
  const queue = shareInFlight(() => queueDepth(core));
  new Gauge({
    name: 'genhub_queue_depth',
    help: 'Tasks queued (pending, due or in a retry backoff), by provider',
    labelNames: ['provider'],
    registers,
    async collect() {
      const rows = await queue();
      this.reset();
      for (const provider of core.providers.ids()) this.set({ provider }, 0);
      for (const row of rows) this.set({ provider: row.provider }, row.queued);
    },
  });
  new Gauge({
    name: 'genhub_queue_oldest_due_age_seconds',
    help: 'How long the longest-waiting due queued task has waited, by provider (0: none due)',
    labelNames: ['provider'],
    registers,
    async collect() {
      const rows = await queue();
      const now = core.clock.now();
      this.reset();
      for (const provider of core.providers.ids()) this.set({ provider }, 0);
      for (const { provider, oldestDueSince } of rows) {
        if (oldestDueSince !== null)
          this.set({ provider }, Math.max(0, now - oldestDueSince) / 1000);
      }
    },
  });
  new Gauge({
    name: 'genhub_tasks',
    help: 'Tasks by status, provider and the class of their last failure (none: no failure)',
    labelNames: ['status', 'provider', 'failure_class'],
    registers,
    async collect() {
      const rows = await countTasksByState(core);
      this.reset();
      for (const row of rows) {
        const labels = {
          status: row.status,
          provider: row.provider,
          failure_class: row.failureClass ?? 'none',
        };
        this.set(labels, row.count);
      }
    },
  });
  new Gauge({
    name: 'genhub_spend_this_month',
    help: 'What tasks cost this calendar month (UTC), by price unit, at their actual cost',
    labelNames: ['unit'],
    registers,
    async collect() {
      const rows = await spendThisMonth(core);
      this.reset();
      for (const row of rows) this.set({ unit: row.unit }, row.amount);
    },
  });
  new Gauge({
    name: 'genhub_websocket_clients',
    help: 'WebSocket clients connected to this instance',
    registers,
    collect() {
      this.set(sources.webSocketClients());
    },
  });
  new Gauge({
    name: 'genhub_event_cursor_lag',
    help: 'Task events in the log this instance has not delivered to its listeners yet',
    registers,
    async collect() {
      const newest = await core.eventLog.lastAssigned();
      this.set(Math.max(0, newest - sources.deliveredSeq()));
    },
  });
}
