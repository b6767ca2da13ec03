import { S3Error } from './s3-error';

/** A short, safe name for why a write failed: an errno or S3 code, never a path or a host. */
function reasonOf(error: unknown): string | null {
  const own = (error as { code?: unknown })?.code;
  const cause = (error as { cause?: { code?: unknown } })?.cause?.code;
  const code = typeof own === 'string' ? own : typeof cause === 'string' ? cause : null;
  if (code !== null && /^[A-Za-z][A-Za-z0-9_]{1,40}$/.test(code)) return code;
  return error instanceof S3Error && error.status > 0 ? `HTTP ${error.status}` : null;
}

/**
 * Bytes genhub already held could not be written to its store (a full or read-only disk, a
 * bucket that refuses or cannot be reached), after `tries` tries. The message names no path,
 * host or key; `cause` keeps the store's own error for the server log.
 */
export class StorageWriteError extends Error {
  override readonly name = 'StorageWriteError';
  /** The store's error code (`ENOSPC`, `AccessDenied`, `ECONNREFUSED`…), when it had one. */
  readonly reason: string | null;

  constructor(
    readonly tries: number,
    cause: unknown,
  ) {
    const reason = reasonOf(cause);
    super(
      `Could not write to storage (${tries} ${tries === 1 ? 'try' : 'tries'}` +
        `${reason ? `, ${reason}` : ''})`,
      { cause },
    );
    this.reason = reason;
  }
}
