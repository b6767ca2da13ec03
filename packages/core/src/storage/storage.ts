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

/** Where image bytes live. Names are flat, content-addressed file names. */
export interface Storage {
  put(name: string, bytes: Uint8Array): Promise<void>;
  /** The streaming put: writes `chunks` as they come, never holding them all in memory. */
  stage(chunks: AsyncIterable<Uint8Array>, signal?: AbortSignal): Promise<StagedFile>;
  get(name: string): Promise<Buffer>;
  has(name: string): Promise<boolean>;
  delete(name: string): Promise<void>;
  /** The URL path a browser fetches the file from. */
  url(name: string): string;
}
