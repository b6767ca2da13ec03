import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * A name for this process among those sharing a database: its host and pid for the logs, and
 * a random part, so that a restarted process never passes for the one before it.
 */
export function newInstanceId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
}
