import type { McpClient } from './mcp-client';

/** How much image data one answer carries inline; the rest are links. */
export interface ImageLimits {
  /** Longest side of an inline image, in pixels: larger ones are scaled down. */
  maxSide: number;
  /** Bytes of inline image data in one answer, before base64, all images together. */
  maxBytes: number;
}

export const defaultImageLimits: ImageLimits = { maxSide: 1024, maxBytes: 2 * 1024 * 1024 };

/** Reads a reference image from a URL that is not genhub's own. */
export type FetchImage = (url: string, signal: AbortSignal) => Promise<Uint8Array>;

/** What every tool works with. */
export interface ToolContext {
  client: McpClient;
  /** The genhub server as the MCP client reaches it: links in answers start here. */
  publicUrl: string;
  fetchImage: FetchImage;
  images: ImageLimits;
}
