/**
 * A path as a client may send it: `/`, `..`, `%` and the like left raw, and only what HTTP
 * cannot carry (spaces, controls, non-ASCII) percent-encoded as UTF-8.
 */
export function rawPath(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out +=
      code > 0x20 && code < 0x7f
        ? ch
        : [...Buffer.from(ch, 'utf8')]
            .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
            .join('');
  }
  return out;
}

/** A path segment with everything but unreserved characters percent-encoded. */
export function encodedSegment(text: string): string {
  return rawPath(text).replace(
    /[^A-Za-z0-9\-._~%]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
