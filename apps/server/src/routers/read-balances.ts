import type { CoreContext } from '@genhub/core';
import type { BalanceLine } from '@genhub/api';

/** How long one reading of the vendors' balances is shown to everyone who asks. */
const freshForMs = 30_000;

const readings = new WeakMap<
  CoreContext['providers'],
  { at: number; lines: Promise<BalanceLine[]> }
>();

async function askVendors(core: CoreContext): Promise<BalanceLine[]> {
  return Promise.all(
    core.providers
      .all()
      .filter((p) => p.configured && p.balance !== undefined)
      .map(async (p) => {
        try {
          const { amount, unit } = (await p.balance?.()) ?? { amount: 0, unit: '' };
          return { provider: p.id, label: p.label, amount, unit, error: null };
        } catch (error) {
          const message = error instanceof Error && 'code' in error ? error.message : 'unavailable';
          const scrubbed = core.scrubSecrets?.(message) ?? message;
          return { provider: p.id, label: p.label, amount: null, unit: null, error: scrubbed };
        }
      }),
  );
}

/**
 * The balance of every configured provider that reports one; a failure is reported, not
 * thrown. Every caller shares one reading for 30 s, so a page left open (or a member who
 * keeps asking) does not spend the vendors' request limits that tasks need.
 */
export function readBalances(core: CoreContext): Promise<BalanceLine[]> {
  const now = core.clock.now();
  const last = readings.get(core.providers);
  if (last && now - last.at < freshForMs) return last.lines;
  const lines = askVendors(core);
  readings.set(core.providers, { at: now, lines });
  return lines;
}
