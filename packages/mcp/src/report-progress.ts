import type { ToolExtra } from './tool-extra';

export type ReportProgress = (message: string, at?: { done: number; total: number }) => void;

/**
 * Progress notifications for a call whose client asked for them (a progress token), else a
 * no-op. Progress must grow with each one: a step without a count counts one up; a count that
 * has not grown is not sent.
 */
export function progressReporter(extra: ToolExtra): ReportProgress {
  const token = extra._meta?.progressToken;
  let last = 0;
  return (message, at) => {
    if (token === undefined || (at && at.done <= last)) return;
    last = at ? at.done : last + 1;
    const params = {
      progressToken: token,
      progress: last,
      message,
      ...(at && { total: at.total }),
    };
    // A client that went away misses the news; the call itself ends through its signal.
    extra.sendNotification({ method: 'notifications/progress', params }).catch(() => undefined);
  };
}
