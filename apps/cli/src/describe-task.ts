import type { Task } from '@genhub/client';
import type { Output } from './output';

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

const costOf = (task: Task) => {
  const amount = task.cost?.actual ?? task.cost?.estimated;
  return task.cost && amount != null ? `${amount} ${task.cost.unit}` : null;
};

/** One line: what a task is doing now, for a progress row or a watch log. */
export function taskLine(task: Task): string {
  const parts = [
    task.id,
    task.operation,
    task.status,
    `attempt ${Math.max(task.attempts, 1)}/${Math.max(task.maxAttempts, 1)}`,
    `${task.provider}/${task.model}`,
  ];
  if (task.status === 'completed') {
    const media = task.generations.some((g) => g.durationMs !== null) ? 'video' : 'image';
    const n = task.generations.length;
    parts.push(`${n} ${media}${n === 1 ? '' : 's'}`);
  }
  if (task.status === 'pending' && task.error) parts.push(`retrying after: ${task.error.message}`);
  if ((task.status === 'failed' || task.status === 'canceled') && task.error) {
    parts.push(`${task.error.message} (${task.error.code})`);
  }
  return parts.join(' · ');
}

const fields = (task: Task): [string, string | null][] => [
  ['status', task.status],
  ['operation', task.operation],
  ['provider', `${task.provider}/${task.model}`],
  ['prompt', task.prompt || null],
  ['aspect ratio', task.aspectRatio],
  ['count', String(task.count)],
  ['resolution', task.resolution],
  ['seed', String(task.seed)],
  ['attempts', `${task.attempts}/${task.maxAttempts}`],
  ['cost', costOf(task)],
  ['error', task.error ? `${task.error.message} (${task.error.code})` : null],
  ['warnings', task.warnings.length ? task.warnings.join('; ') : null],
  ['plan', task.planId ? `${task.planId} (${task.planItemId ?? '?'})` : null],
  ['retried from', task.retriedFromId],
  ['retried by', task.retriedById],
  ['created', new Date(task.createdAt).toISOString()],
  ['finished', task.finishedAt ? new Date(task.finishedAt).toISOString() : null],
];

/** Every field worth reading, one a line, then the files (as links on `server`). */
export function taskDetails(task: Task, out: Output, server: string): string {
  const lines = [out.paint('bold', `Task ${task.id}`)];
  for (const [name, value] of fields(task)) {
    if (value !== null) lines.push(`  ${`${name}:`.padEnd(14)}${value}`);
  }
  for (const generation of task.generations) {
    const link = new URL(generation.url, server).href;
    lines.push(`  ${'file:'.padEnd(14)}${link} (${generation.width}×${generation.height})`);
  }
  return lines.join('\n');
}

/** The rows of `genhub ls`, in columns. */
export function taskTable(tasks: Task[], out: Output): string {
  const rows = tasks.map((task) => [
    task.id,
    task.status,
    task.operation,
    `${task.provider}/${task.model}`,
    new Date(task.createdAt).toISOString().slice(0, 16).replace('T', ' '),
    task.prompt.replace(/\s+/g, ' '),
  ]);
  const header = ['ID', 'STATUS', 'OPERATION', 'PROVIDER/MODEL', 'CREATED (UTC)', 'PROMPT'];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const width = Math.max(40, (out.stream.columns || 160) - 1);
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .slice(0, width);
  return [out.paint('bold', line(header)), ...rows.map(line)].join('\n');
}
