import { Command } from 'commander';
import type { UsageReport } from '@genhub/core/schemas';
import { withClient } from '../connect';
import { examples } from '../examples';
import { onRun } from '../on-run';
import type { Output } from '../output';
import type { CliIo } from '../session';

const amounts = (list: { unit: string; amount: number }[]) =>
  list.length ? list.map((a) => `${round(a.amount)} ${a.unit}`).join(', ') : 'nothing';

const round = (n: number) => Math.round(n * 100) / 100;

const limits = (title: string, lines: UsageReport['budgets']) =>
  lines.map(
    (line) =>
      `${title}: ${round(line.spent)} of ${round(line.cap)} ${line.unit} spent this month` +
      (line.reserved ? `, ${round(line.reserved)} reserved` : ''),
  );

function usageText(report: UsageReport, out: Output): string {
  const lines = [
    `${out.paint('bold', 'This month:')} ${amounts(report.thisMonth)}`,
    `${out.paint('bold', 'Last month:')} ${amounts(report.lastMonth)}`,
    `${out.paint('bold', 'Reserved by queued and running tasks:')} ${amounts(report.reserved)}`,
    ...limits('Your quota', report.quotas),
    ...limits('Server budget', report.budgets),
  ];
  if (report.rows.length) {
    lines.push(
      '',
      out.paint('bold', 'DAY         PROVIDER/MODEL                      TASKS  AMOUNT'),
    );
    for (const row of report.rows) {
      const model = `${row.provider}/${row.model}`.padEnd(34);
      const estimated = row.estimated ? ' (estimate)' : '';
      const plan = row.planId ? ` plan ${row.planId}` : '';
      lines.push(
        `${row.day}  ${model}  ${String(row.tasks).padStart(5)}  ${round(row.amount)} ${row.unit}${estimated}${plan}`,
      );
    }
  }
  return lines.join('\n');
}

export function usageCommand(io: CliIo): Command {
  const command = new Command('usage')
    .summary('what you spent this month and last, by day, provider and model')
    .description(
      'Spending by day, provider and model for this month and last (in your local calendar), ' +
        'what queued tasks hold, and your quotas. Piped: the whole report as one JSON object.',
    )
    .addHelpText('after', examples('genhub usage', 'genhub usage --json | jq .thisMonth'));
  return onRun(command, io, async (session) => {
    // The server buckets days in the caller's calendar: minutes east of UTC.
    const utcOffsetMinutes = -new Date().getTimezoneOffset();
    const report = await withClient(session, (client) =>
      client.trpc.account.usage.query({ utcOffsetMinutes }),
    );
    session.out.emit({ type: 'usage', ...report }, usageText(report, session.out));
  });
}
