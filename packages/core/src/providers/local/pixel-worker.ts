// The entry point of a pixel worker thread (see pixel-workers.ts): the local operations
// whose pixel loops JavaScript runs itself, decode to encode, so that neither the loops nor
// the raw pixels (tens of MB that the event loop would page in and copy) touch the main thread.
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { isCoreError, type CoreErrorCode } from '../../errors';
import type { ErrorClass, OutputFormat } from '../../schemas';
import { ProviderError } from '../types';
import { makeClip, type ClipRequest } from './make-clip';
import { ownedBuffers } from './owned-buffers';
import { removeBackground, type RemoveBackgroundOptions } from './remove-background';
import { transferStyle } from './transfer-style';

/** A typed error, as data: class instances do not survive the trip between threads. */
export type PixelFailure =
  | { kind: 'core'; code: CoreErrorCode; message: string; field: string | undefined }
  | { kind: 'provider'; code: ErrorClass; message: string };

export type PixelOutcome<T> = { ok: T } | { failure: PixelFailure };

/**
 * A copy in memory this thread's V8 allocated: sharp's buffers are libvips' memory, and the
 * main thread pays ~150 ms of its own time to take in 48 MB of those, against nothing for these.
 */
const ownCopy = (view: Uint8Array): Uint8Array<ArrayBuffer> => new Uint8Array(view);

async function settle(work: Promise<Uint8Array[]>): Promise<PixelOutcome<Uint8Array[]>> {
  try {
    const ok = (await work).map(ownCopy);
    const moved = move({ [transferableSymbol]: ownedBuffers(ok), [valueSymbol]: { ok } });
    // move() is typed as a transferable; what arrives on the other side is `{ ok }` itself.
    return moved as unknown as PixelOutcome<Uint8Array[]>;
  } catch (error) {
    if (isCoreError(error)) {
      return {
        failure: { kind: 'core', code: error.code, message: error.message, field: error.field },
      };
    }
    if (error instanceof ProviderError) {
      return { failure: { kind: 'provider', code: error.code, message: error.message } };
    }
    throw error;
  }
}

function asBuffer(view: Uint8Array): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

const handlers = {
  removeBackground: (task: { input: Uint8Array; options: RemoveBackgroundOptions }) =>
    settle(removeBackground(asBuffer(task.input), task.options)),
  transferStyle: (task: {
    content: Uint8Array;
    style: Uint8Array;
    options: { strength: number; format: OutputFormat; maxPixels?: number };
  }) =>
    settle(
      transferStyle(asBuffer(task.content), asBuffer(task.style), task.options).then((image) => [
        image,
      ]),
    ),
  makeClip: (task: ClipRequest) => settle(makeClip(task)),
};

export type PixelHandlers = typeof handlers;
export type PixelTaskName = keyof PixelHandlers;
/** One task for a worker: a handler's name and its input. */
export type PixelTask = {
  [N in PixelTaskName]: { name: N; input: Parameters<PixelHandlers[N]>[0] };
}[PixelTaskName];

/** What piscina calls with each task. */
export default function runPixelHandler(task: PixelTask): Promise<unknown> {
  switch (task.name) {
    case 'removeBackground':
      return handlers.removeBackground(task.input);
    case 'transferStyle':
      return handlers.transferStyle(task.input);
    case 'makeClip':
      return handlers.makeClip(task.input);
  }
}
