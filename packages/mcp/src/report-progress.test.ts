import { describe, expect, it } from 'vitest';
import { progressReporter } from './report-progress';
import type { ToolExtra } from './tool-extra';

function extraWith(progressToken: string | undefined) {
  const sent: unknown[] = [];
  const extra = {
    _meta: progressToken === undefined ? {} : { progressToken },
    sendNotification: (notification: unknown) => {
      sent.push(notification);
      return Promise.resolve();
    },
  } as unknown as ToolExtra; // only the two fields the reporter reads
  return { extra, sent };
}

describe('progressReporter', () => {
  it('sends growing progress, skipping counts that did not grow', () => {
    const { extra, sent } = extraWith('t1');
    const report = progressReporter(extra);
    report('started');
    report('1 of 3', { done: 1, total: 3 });
    report('still 1 of 3', { done: 1, total: 3 });
    report('2 of 3', { done: 2, total: 3 });
    expect(sent).toEqual([
      {
        method: 'notifications/progress',
        params: { progressToken: 't1', progress: 1, message: 'started' },
      },
      {
        method: 'notifications/progress',
        params: { progressToken: 't1', progress: 2, message: '2 of 3', total: 3 },
      },
    ]);
  });

  it('sends nothing when the client asked for no progress', () => {
    const { extra, sent } = extraWith(undefined);
    progressReporter(extra)('started');
    expect(sent).toEqual([]);
  });
});
