import { runPixelTask } from '../providers/local/pixel-workers';

/** A real H.264 MP4 made by the local engine's encoder, for tests that need a video. */
export async function testClip(
  options: { seconds?: number; width?: number; height?: number; prompt?: string } = {},
): Promise<Buffer> {
  const [mp4] = await runPixelTask(
    'makeClip',
    {
      prompt: options.prompt ?? 'a test clip',
      seed: 1,
      width: options.width ?? 320,
      height: options.height ?? 180,
      seconds: options.seconds ?? 2,
      images: [],
      endOnLast: false,
      maxPixels: 50_000_000,
    },
    [],
  );
  if (!mp4) throw new Error('the encoder made no clip');
  return Buffer.from(mp4.buffer, mp4.byteOffset, mp4.byteLength);
}
