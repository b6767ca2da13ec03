import { GenhubError } from '@genhub/client';
import type { ToolContext } from '../tool-context';
import { ToolInputError } from '../tool-input-error';
import { decodeBase64Image } from './decode-base64-image';
import { imageMime } from './image-mime';

const notFound = (error: unknown) => GenhubError.from(error).code === 'NOT_FOUND';

async function upload(
  ctx: ToolContext,
  bytes: Uint8Array,
  what: string,
  signal: AbortSignal,
): Promise<string> {
  const contentType = await imageMime(bytes, what);
  const asset = await ctx.client.upload(bytes, { filename: 'reference', contentType, signal });
  return asset.id;
}

/** The bytes behind a URL: genhub's own files with the API key, others through `fetchImage`. */
async function readUrl(ctx: ToolContext, url: URL, signal: AbortSignal): Promise<Uint8Array> {
  const own = new URL(ctx.publicUrl);
  const base = own.pathname.replace(/\/$/, '');
  if (url.origin === own.origin && url.pathname.startsWith(`${base}/`)) {
    const path = url.pathname.slice(base.length) + url.search;
    return ctx.client.download({ url: path }, undefined, { signal });
  }
  try {
    return await ctx.fetchImage(url.href, signal);
  } catch (error) {
    if (error instanceof ToolInputError || signal.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ToolInputError(`Could not read the image at ${url.href}: ${reason}`);
  }
}

/** By id: an uploaded image, else a generated one, else the first image a task made. */
async function assetById(ctx: ToolContext, id: string, signal: AbortSignal): Promise<string> {
  const trpc = ctx.client.trpc;
  const [found] = await trpc.asset.byIds.query({ ids: [id] }, { signal });
  if (found) return found.id;
  const fromGeneration = (generationId: string) =>
    trpc.asset.fromGeneration.mutate({ generationId }, { signal }).then((asset) => asset.id);
  try {
    return await fromGeneration(id);
  } catch (error) {
    if (!notFound(error)) throw error;
  }
  const task = await trpc.task.get.query({ id }, { signal }).catch((error: unknown) => {
    if (notFound(error)) return null;
    throw error;
  });
  const first = task?.generations.find((g) => g.durationMs === null);
  if (first) return fromGeneration(first.id);
  throw new ToolInputError(
    task
      ? `Task ${id} has no image yet (it is ${task.status})`
      : `No image, generation or task of yours has the id "${id}"`,
  );
}

/**
 * A reference image named however the model has it (an asset, generation or task id, a URL,
 * a data: URL or base64) as the id of one of the caller's assets, uploading it when needed.
 */
export async function resolveImage(
  ctx: ToolContext,
  reference: string,
  signal: AbortSignal,
): Promise<string> {
  const text = reference.trim();
  const bytes = decodeBase64Image(text);
  if (bytes) return upload(ctx, bytes, 'The base64 image', signal);
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new ToolInputError(`"${text.slice(0, 200)}" is not a valid URL`);
    }
    return upload(ctx, await readUrl(ctx, url, signal), `The file at ${url.href}`, signal);
  }
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(text)) {
    throw new ToolInputError(
      'Name an image by its id (asset, generation or task), an http(s) URL, a data: URL or base64',
    );
  }
  return assetById(ctx, text, signal);
}
