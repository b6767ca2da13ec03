/**
 * Part of a stored file: `start` to `end`, both inclusive (`end` absent: to the last byte),
 * or the last `suffix` bytes. As a `Range: bytes=…` header names them.
 */
export type ByteRange = { start: number; end?: number } | { suffix: number };

/** Where a range lies in a file of `size` bytes (inclusive), or null when none of it does. */
export function resolveByteRange(
  range: ByteRange,
  size: number,
): { start: number; end: number } | null {
  if ('suffix' in range) {
    if (range.suffix <= 0 || size === 0) return null;
    return { start: Math.max(0, size - range.suffix), end: size - 1 };
  }
  if (range.start >= size) return null;
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}

/** The range asked for lies past the end of the file. */
export class RangeNotSatisfiableError extends Error {
  override readonly name = 'RangeNotSatisfiableError';
  constructor(readonly size: number) {
    super(`The range lies outside the file (${size} bytes)`);
  }
}
