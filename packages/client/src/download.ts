import type * as FileSystem from 'node:fs/promises';
import type { ClientContext } from './client-context';
import { endpoint } from './endpoint';
import { sendHttp } from './send-http';
import { toGenhubError } from './to-genhub-error';

// A variable, so bundlers for the browser leave Node's module alone.
const fsModule = 'node:fs/promises';

/**
 * The bytes of a generation (or anything with a `url` genhub answered), retried on transient
 * failures; written to `path` as well when one is given (Node only).
 */
export async function download(
  ctx: ClientContext,
  generation: { url: string },
  path?: string,
  options: { signal?: AbortSignal } = {},
): Promise<Uint8Array> {
  const response = await sendHttp(ctx, endpoint(ctx.base, generation.url), {
    signal: options.signal,
    repeatable: true,
  });
  const bytes = new Uint8Array(
    await response.arrayBuffer().catch((error: unknown) => {
      throw toGenhubError(error);
    }),
  );
  if (path !== undefined) {
    const fs = (await import(/* @vite-ignore */ fsModule)) as typeof FileSystem;
    await fs.writeFile(path, bytes);
  }
  return bytes;
}
