import type { IncomingMessage } from 'node:http';

/** A request's body as bytes (fakes parse it themselves, so bad JSON gets the vendor's answer). */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

/** The body as a JSON object, or undefined when it is not one. */
export async function readJsonObject(
  req: IncomingMessage,
): Promise<Record<string, unknown> | undefined> {
  try {
    const value: unknown = JSON.parse((await readBody(req)).toString('utf8') || '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value))
      : undefined;
  } catch {
    return undefined;
  }
}

/** The bytes of a base64 `data:` URI and its media type, or undefined when it is not one. */
export function decodeDataUri(uri: string): { mime: string; bytes: Buffer } | undefined {
  const match = /^data:([\w.+-]+\/[\w.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/.exec(uri);
  return match?.[1] && match[2] !== undefined
    ? { mime: match[1], bytes: Buffer.from(match[2], 'base64') }
    : undefined;
}
