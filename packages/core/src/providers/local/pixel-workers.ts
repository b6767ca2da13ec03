import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ProviderError } from '../types';
import { CoreError } from '../../errors';
import { ownedBuffers } from './owned-buffers';
import type {
  PixelFailure,
  PixelHandlers,
  PixelOutcome,
  PixelTask,
  PixelTaskName,
} from './pixel-worker';

export interface PixelWorkerOptions {
  /** Worker threads at most (IMAGE_WORKERS). */
  threads: number;
  /** Operations that may wait for a thread; one more is refused as busy. */
  maxQueue: number;
  /** Each worker's V8 heap cap; pixel buffers (and libvips) are outside it, bounded by the pixel cap. */
  heapMb: number;
}

export const defaultPixelWorkerOptions: PixelWorkerOptions = {
  threads: 1,
  maxQueue: 16,
  heapMb: 96,
};

// From source (tsx, vitest) this module is TypeScript and its worker is started through a
// small loader beside it; in the server bundle the worker is built to pixel-worker.js
// beside main.js.
const workerFile = fileURLToPath(
  new URL(
    import.meta.url.endsWith('.ts') ? './pixel-worker-source.mjs' : './pixel-worker.js',
    import.meta.url,
  ),
);

let options = defaultPixelWorkerOptions;
let pool: Piscina | null = null;

/**
 * Sets the size of the process's pixel worker pool (like `sharp.concurrency`, one per
 * process). A running pool with other settings finishes its work and is replaced.
 */
export function configurePixelWorkers(next: Partial<PixelWorkerOptions>): void {
  const merged = { ...defaultPixelWorkerOptions, ...next };
  if (JSON.stringify(merged) === JSON.stringify(options)) return;
  options = merged;
  const old = pool;
  pool = null;
  // Its running work finishes; a close that times out has nothing left worth reporting.
  old?.close().catch(() => undefined);
}

function currentPool(): Piscina {
  pool ??= new Piscina({
    filename: workerFile,
    // Threads start on demand and stop when idle for a while, returning their memory.
    minThreads: 0,
    maxThreads: options.threads,
    idleTimeout: 30_000,
    maxQueue: options.maxQueue,
    resourceLimits: {
      maxOldGenerationSizeMb: options.heapMb,
      maxYoungGenerationSizeMb: 32,
      stackSizeMb: 4,
    },
  });
  return pool;
}

function asProviderError(error: unknown): unknown {
  if (error instanceof Error && error.message === 'Task queue is at limit') {
    return new ProviderError(
      'provider_unavailable',
      `The local engine is busy (${options.threads} image worker(s) at work, ${options.maxQueue} operations waiting); try again shortly`,
    );
  }
  if ((error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ProviderError(
      'invalid_request',
      `The image operation needed more than the ${options.heapMb} MB an image worker may use`,
    );
  }
  return error;
}

/** What a handler of pixel-worker.ts produces when it succeeds. */
type Result<N extends PixelTaskName> =
  Awaited<ReturnType<PixelHandlers[N]>> extends PixelOutcome<infer T> ? T : never;

function rethrow(failure: PixelFailure): never {
  throw failure.kind === 'core'
    ? new CoreError(failure.code, failure.message, failure.field)
    : new ProviderError(failure.code, failure.message);
}

/**
 * Runs a local operation in a pixel worker: the event loop stays free while it decodes,
 * loops over pixels and encodes. The memory of `moved` goes to the worker, not a copy (those
 * views are empty here afterwards). A full queue is a retryable `provider_unavailable`; a
 * worker that runs out of memory fails the task, never the process.
 */
export async function runPixelTask<N extends PixelTaskName>(
  name: N,
  input: Parameters<PixelHandlers[N]>[0],
  moved: Uint8Array[],
  signal?: AbortSignal,
): Promise<Result<N>> {
  let outcome: PixelOutcome<Result<N>>;
  try {
    const task = { name, input } as PixelTask;
    // piscina returns `any`; the handler named `name` in pixel-worker.ts produced this value.
    outcome = (await currentPool().run(task, {
      transferList: ownedBuffers(moved),
      signal: signal ?? null,
    })) as PixelOutcome<Result<N>>;
  } catch (error) {
    throw asProviderError(error);
  }
  if ('failure' in outcome) rethrow(outcome.failure);
  return outcome.ok;
}

/** Stops the pool's threads after their work (process shutdown, benchmarks). */
export async function closePixelWorkers(): Promise<void> {
  const old = pool;
  pool = null;
  await old?.close();
}
