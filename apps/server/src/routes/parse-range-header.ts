import type { ByteRange } from '@genhub/core';

const spec = /^(\d{0,15})-(\d{0,15})$/;

/**
 * The one byte range a `Range` header names, or null when it names none this server serves:
 * absent, malformed, another unit, or several ranges (answered whole, as HTTP allows).
 */
export function parseRangeHeader(header: string | undefined): ByteRange | null {
  const match = /^bytes=(.*)$/i.exec(header?.trim() ?? '');
  const parts = match?.[1]?.split(',').map((part) => part.trim()) ?? [];
  if (parts.length !== 1) return null;
  const [, first = '', last = ''] = spec.exec(parts[0] ?? '') ?? [];
  if (first === '' && last === '') return null;
  if (first === '') return { suffix: Number(last) };
  const start = Number(first);
  if (last === '') return { start };
  const end = Number(last);
  return end < start ? null : { start, end };
}
