import { CliError } from './cli-error';
import { exitCodes } from './exit-codes';
import type { Session } from './session';

export interface Waited {
  kind: 'task' | 'plan';
  id: string;
}

/**
 * Ctrl-C while waiting: cancel what was waited for when asked, else say it keeps running and
 * how to follow it. The error it answers exits 130.
 */
export async function stopWaiting(
  session: Session,
  waited: Waited | null,
  cancel: ((id: string) => Promise<unknown>) | null,
): Promise<CliError> {
  const fail = (message: string) => new CliError(message, exitCodes.interrupted, 'INTERRUPTED');
  if (!waited) return fail('Interrupted before the server answered; see `genhub ls`');
  const { kind, id } = waited;
  if (cancel) await cancel(id);
  session.out.emit({ type: 'interrupted', [`${kind}Id`]: id, canceled: cancel !== null });
  return fail(
    cancel
      ? `Interrupted: canceled ${kind} ${id}`
      : `Interrupted: ${kind} ${id} keeps running. Follow it with \`genhub watch --${kind} ${id}\``,
  );
}
