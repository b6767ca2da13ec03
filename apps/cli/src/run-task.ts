import { GenhubError, type CreateTaskInput, type Task, type TaskEvent } from '@genhub/client';
import { CliError, toCliError } from './cli-error';
import { withClient } from './connect';
import { seconds, taskLine } from './describe-task';
import { exitCodes } from './exit-codes';
import { onInterrupt } from './interrupt';
import { createBoard, type Board, type RowState } from './progress-board';
import { readInputFile } from './read-input-file';
import { saveGenerations } from './save-generations';
import type { Session } from './session';
import { stopWaiting } from './stop-waiting';
import { checkTaskInput, type TaskFlags } from './task-flags';
import { uploadReferences } from './upload-references';

const rowState = (task: Task): RowState =>
  task.status === 'completed'
    ? 'ok'
    : task.status === 'failed' || task.status === 'canceled'
      ? 'failed'
      : 'running';

/** The task's row on the board: its state now and how long the command has waited. */
function showTask(board: Board | null, task: Task, since: number): void {
  board?.set('task', () => `${taskLine(task)} · ${seconds(Date.now() - since)}`, rowState(task));
}

/** A connection lost while waiting does not end the task: say which one to look at. */
function stillRunning(error: CliError, task: Task | null): CliError {
  if (
    !task ||
    task.status === 'completed' ||
    task.status === 'failed' ||
    task.status === 'canceled'
  ) {
    return error;
  }
  const hint = `; task ${task.id} may still be running: genhub watch --task ${task.id}`;
  return new CliError(`${error.message}${hint}`, error.exitCode, error.code);
}

/** A task that ended without images: the result line when piped, then exit 1. */
function taskFailure(session: Session, task: Task): CliError {
  session.out.emit({ type: 'task', task, files: [] });
  const why = task.error ? `: ${task.error.message}` : '';
  return new CliError(
    `Task ${task.id} ${task.status}${why}`,
    exitCodes.failed,
    task.error?.code ?? (task.status === 'canceled' ? 'TASK_CANCELED' : 'TASK_FAILED'),
  );
}

/**
 * gen, edit and video: upload the images, create the task, show its progress from the
 * subscription, download what it made and print the paths.
 */
export async function runTask(
  session: Session,
  input: CreateTaskInput,
  imagePaths: string[],
  flags: TaskFlags,
): Promise<void> {
  checkTaskInput(input, imagePaths.length);
  const images = await Promise.all(imagePaths.map(readInputFile));
  const { out } = session;
  const board = out.tty ? createBoard(out) : null;
  const interrupt = onInterrupt();
  const since = Date.now();
  let last: Task | null = null;
  const onEvent = (event: TaskEvent) => {
    last = event.task;
    showTask(board, event.task, since);
    out.emit({ type: 'event', event: event.type, seq: event.seq, task: event.task });
  };
  try {
    await withClient(session, async (client, url) => {
      try {
        board?.set('task', 'sending the task…');
        const assetIds = await uploadReferences(client, images, board);
        const task = await client.generate(assetIds.length ? { ...input, assetIds } : input, {
          onEvent,
          signal: interrupt.signal,
        });
        last = task;
        const files = flags.download ? await saveGenerations(client, task, flags.out) : [];
        showTask(board, task, since);
        board?.stop();
        const shown = files.length ? files : task.generations.map((g) => new URL(g.url, url).href);
        out.emit({ type: 'task', task, files }, shown.join('\n'));
      } catch (error) {
        // The client's error holds the task once it was accepted, even before any event.
        const known = error instanceof GenhubError ? error : null;
        const task = last ?? known?.task ?? null;
        if (interrupt.signal.aborted) {
          const cancel = flags.cancelOnInterrupt
            ? (id: string) => client.trpc.task.cancel.mutate({ id })
            : null;
          throw await stopWaiting(session, task && { kind: 'task', id: task.id }, cancel);
        }
        if (known?.task && (known.code === 'TASK_FAILED' || known.code === 'TASK_CANCELED')) {
          showTask(board, known.task, since);
          throw taskFailure(session, known.task);
        }
        throw stillRunning(toCliError(error, url), task);
      }
    });
  } finally {
    board?.stop();
    interrupt.dispose();
  }
}
