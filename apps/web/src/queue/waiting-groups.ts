import type { QueueStatus } from '@genhub/core/schemas';

export type WaitingRow = QueueStatus['pending'][number];

export interface WaitingGroup {
  provider: string;
  /** The listed waiting tasks, in the order they will run. */
  rows: WaitingRow[];
  /** How many wait in all (the status lists only the first few). */
  total: number;
  paused: boolean;
}

/**
 * The queue's waiting work by provider, in provider order: every provider with something
 * waiting or running, and every paused one (so it can be resumed).
 */
export function waitingGroups(status: QueueStatus): WaitingGroup[] {
  const providers = new Set<string>([
    ...status.counts
      .filter((c) => (c.status === 'pending' || c.status === 'processing') && c.count > 0)
      .map((c) => c.provider),
    ...status.paused.providers,
  ]);
  return [...providers].sort().map((provider) => {
    const rows = status.pending
      .filter((p) => p.provider === provider)
      .sort((a, b) => a.position - b.position);
    const counted =
      status.counts.find((c) => c.provider === provider && c.status === 'pending')?.count ?? 0;
    return {
      provider,
      rows,
      total: Math.max(counted, rows.length),
      paused: status.paused.all || status.paused.providers.includes(provider),
    };
  });
}
