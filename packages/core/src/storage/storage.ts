import type { Readable } from 'node:stream';
import type { ByteRange } from './byte-range';

/** Bytes streamed into the store, waiting for their name (a hash of them, known at the end). */
export interface StagedFile {
  /** A local file holding them, to read (probe, poster) before they are named. */
  path: string;
  bytes: number;
  /** Names them, atomically: readers see the whole file or none. */
  commit(name: string): Promise<void>;
  /** Drops them (refused, or the run failed); safe to call after a commit. */
  discard(): Promise<void>;
}

/** A stored file being read. */
export interface OpenedFile {
  body: Readable;
  /** The whole file's length in bytes. */
  size: number;
  /** The part `body` holds (inclusive), when a range was asked; null: all of it. */
  range: { start: number; end: number } | null;
}

export interface OpenOptions {
  /**
   * Only the size and the part a range names, to answer a HEAD: `body` is empty, and the store
   * is asked for none of the bytes.
   */
  headOnly?: boolean;
}

/** Where image bytes live. Names are flat, content-addressed file names. */
export interface Storage {
  put(name: string, bytes: Uint8Array): Promise<void>;
  /** The streaming put: writes `chunks` as they come, never holding them all in memory. */
  stage(chunks: AsyncIterable<Uint8Array>, signal?: AbortSignal): Promise<StagedFile>;
  /** The whole file in memory: for small files (references, thumbnails); rejects when missing. */
  get(name: string): Promise<Buffer>;
  /**
   * The file as a stream, or the part `range` names; null when there is no such file. Rejects
   * with `RangeNotSatisfiableError` when the range lies past its end.
   */
  open(name: string, range?: ByteRange, options?: OpenOptions): Promise<OpenedFile | null>;
  has(name: string): Promise<boolean>;
  delete(name: string): Promise<void>;
  /**
   * The path clients ask for the file at (`/files/<name>`): the same whichever store holds
   * it, so task snapshots kept in the event log never point at a store's own address.
   */
  url(name: string): string;
  /** Where a client may fetch the bytes itself (a public bucket); the file route redirects there. */
  directUrl?(name: string): string | null;
  /**
   * Resolves when the store can be read and takes a write now; rejects saying why not
   * (readiness). It writes a few bytes under `readinessProbeName`, a name no stored file can
   * have, and removes them: a read-only or full store fails it.
   */
  check(): Promise<void>;
}
