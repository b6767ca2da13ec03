import type { ContentBlock } from '@modelcontextprotocol/sdk/types.js';
import type { Generation } from '@genhub/core/schemas';
import type { ToolContext } from '../tool-context';
import { fitImage } from './fit-image';
import type { ImageOutput } from './output-schemas';

/** A result as genhub stores it (URLs relative to the server) and as the answer reports it. */
export interface Shown {
  generation: Generation;
  output: ImageOutput;
}

const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
};

const linkTo = (image: ImageOutput): ContentBlock => ({
  type: 'resource_link',
  uri: image.url,
  name: `${image.id}.${extensions[image.mime] ?? 'bin'}`,
  mimeType: image.mime,
  description: `${image.width}×${image.height}, full size (read it with the same API key)`,
});

/**
 * Each image inline (scaled to fit the answer's share of `ctx.images`) and as a link to the
 * full file; a video as a link and its poster. `from` picks which file is shown inline: the
 * image itself, or its small thumbnail. Notes say what was left out.
 */
export async function inlineImages(
  ctx: ToolContext,
  images: Shown[],
  from: 'image' | 'thumbnail',
  signal: AbortSignal,
): Promise<{ blocks: ContentBlock[]; notes: string[] }> {
  const blocks: ContentBlock[] = [];
  const notes: string[] = [];
  let budget = ctx.images.maxBytes;
  for (const [index, { generation, output }] of images.entries()) {
    const share = Math.floor(budget / (images.length - index));
    const thumbnail = from === 'thumbnail' || generation.durationMs !== null;
    const url = thumbnail ? generation.thumbUrl : generation.url;
    // One unreadable file (removed by retention meanwhile, say) costs its picture, not the answer.
    const fitted = await ctx.client
      .download({ url }, undefined, { signal })
      .then((bytes) => fitImage(bytes, ctx.images.maxSide, share))
      .catch((error: unknown) => {
        if (signal.aborted) throw error;
        notes.push(`Result ${index + 1} could not be read to show inline; open its link.`);
        return undefined;
      });
    if (fitted) {
      blocks.push({
        type: 'image',
        data: fitted.data.toString('base64'),
        mimeType: fitted.mimeType,
      });
      budget -= fitted.data.byteLength;
    } else if (fitted === null) {
      notes.push(`Result ${index + 1} is too large to show inline; open its link.`);
    }
    blocks.push(linkTo(output));
  }
  return { blocks, notes };
}
