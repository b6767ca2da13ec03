/** What must never reach a client. */
export interface LeakMarkers {
  /** Configured secrets by name (API keys, webhook secrets, callback tokens). */
  secrets: Record<string, string>;
  /** The server's signing key, as stored. */
  signingKey: Buffer;
  dataDir: string;
  /** The checkout the server runs from: a path to it is a path to a source file. */
  sourceDir: string;
}

const stackFrame =
  /\bat (?:[^\s()]+ )?\(?(?:file:\/\/)?(?:\/[^\s():]+)+:\d+:\d+\)?|\(node:internal\//;
const textMarkers: [RegExp, string][] = [
  [stackFrame, 'a stack trace'],
  [/"stack"\s*:/, 'a "stack" field'],
  [/SqliteError|SQLITE_[A-Z]/, 'SQLite error text'],
  [/Vips|vips_/, 'libvips error text'],
];
const byteMarkers: [Buffer, string][] = [
  [Buffer.from('SQLite format 3\u0000'), 'bytes of the SQLite database'],
  [Buffer.from('root:x:0:0:'), 'bytes of /etc/passwd'],
];

/**
 * The leaks in one answer: byte markers always, text markers when the answer is text. A secret
 * the request itself carried (a callback token in its URL) may be echoed back to it.
 */
export function findLeaks(
  body: Buffer,
  textual: boolean,
  markers: LeakMarkers,
  sent = '',
): string[] {
  const found = byteMarkers.filter(([bytes]) => body.includes(bytes)).map(([, what]) => what);
  if (body.includes(markers.signingKey)) found.push('the signing key');
  if (!textual) return found;
  const text = body.toString('utf8');
  for (const [pattern, what] of textMarkers) if (pattern.test(text)) found.push(what);
  if (text.includes(markers.dataDir)) found.push('the data dir path');
  if (text.includes(markers.sourceDir)) found.push('a source path');
  const key = markers.signingKey;
  if (
    [key.toString('hex'), key.toString('base64'), key.toString('base64url')].some((k) =>
      text.includes(k),
    )
  ) {
    found.push('the signing key');
  }
  for (const [name, value] of Object.entries(markers.secrets)) {
    if (text.includes(value) && !sent.includes(value)) found.push(`the secret ${name}`);
  }
  return found;
}
