import { describe, expect, it } from 'vitest';
import { reportStoreOutage, type OutageLog } from './report-store-outage';

function setUp() {
  const lines: { level: 'error' | 'info'; details: Record<string, unknown>; message: string }[] =
    [];
  const log: OutageLog = {
    error: (details, message) =>
      lines.push({ level: 'error', details: details as Record<string, unknown>, message }),
    info: (details, message) =>
      lines.push({ level: 'info', details: details as Record<string, unknown>, message }),
  };
  const clock = { now: 0 };
  return { lines, clock, report: reportStoreOutage(log, () => clock.now) };
}

/** An error as drizzle throws it: its message quotes the query and its parameters. */
function queryError(): Error {
  const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
  busy.name = 'SqliteError';
  return new Error('Failed query: INSERT … params: RATE_LIMIT_TASKS:user:u1', { cause: busy });
}

describe('reportStoreOutage', () => {
  it('logs an outage once, a reminder a minute while it lasts, and its end', () => {
    const { lines, clock, report } = setUp();
    report.answered();
    for (let i = 0; i < 100; i++) {
      clock.now = i * 100;
      report.failed(queryError());
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'error',
      details: {
        cause: { type: 'SqliteError', code: 'SQLITE_BUSY', message: 'database is locked' },
      },
    });
    expect(JSON.stringify(lines)).not.toContain('RATE_LIMIT_TASKS');

    clock.now = 60_000;
    report.failed(new Error('still locked'));
    clock.now = 60_500;
    report.failed(new Error('still locked'));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ level: 'error', details: { failures: 101, forMs: 60_000 } });

    clock.now = 61_000;
    report.answered();
    report.answered();
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatchObject({ level: 'info', details: { failures: 102, forMs: 61_000 } });

    report.failed('not an Error');
    expect(lines[3]).toMatchObject({
      level: 'error',
      details: { cause: { type: 'string', code: null, message: 'not an Error' } },
    });
  });
});
