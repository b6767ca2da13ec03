import { reservedByUnit, reservedQuery, sqliteDataSource } from '@genhub/db';
import type { CoreContext } from '../context';

/**
 * What queued and running tasks hold against the monthly caps, by unit: each at its
 * estimate plus what its failed attempts were billed so far (what it will have cost if it
 * succeeds at list price). They are counted as spent once they finish. Synchronous, for the
 * budget check inside the accept transaction; `readReserved` is the same query awaited.
 */
export function reservedByUnfinished(
  ctx: Pick<CoreContext, 'db'>,
  unit?: string,
  /** One user's tasks only; everyone's when absent. */
  owner?: string,
): Map<string, number> {
  return reservedByUnit(reservedQuery(sqliteDataSource(ctx.db), unit, owner).all());
}
