import { GenhubError } from './genhub-error';
import type { Task } from './types';

/** Why following something stopped before it finished: the caller aborted, or the stream ended. */
export function streamEnded(signal: AbortSignal | undefined, task?: Task): GenhubError {
  return signal?.aborted
    ? new GenhubError('ABORTED', 'The call was aborted', { task, cause: signal.reason })
    : new GenhubError('NETWORK', 'The server ended the event stream before it finished', {
        task,
      });
}
