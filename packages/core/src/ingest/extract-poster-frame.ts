import { spawn } from 'node:child_process';

/** A first frame as PNG is far below this; past it the output is not a frame. */
const maxPosterBytes = 64 * 1024 * 1024;
const timeoutMs = 20_000;

/**
 * The first frame of a video file as a PNG, made by an `ffmpeg` binary (FFMPEG_PATH, or
 * `ffmpeg` on PATH). Null when there is none, it fails or it takes too long: the caller
 * then draws a neutral poster instead. ffmpeg's own messages are never passed on.
 */
export function extractPosterFrame(
  ffmpegPath: string,
  file: string,
  signal?: AbortSignal,
): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const child = spawn(
      ffmpegPath,
      [
        ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
        ...['-i', file, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'],
      ],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: timeoutMs,
        ...(signal ? { signal } : {}),
      },
    );
    const chunks: Buffer[] = [];
    let size = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxPosterBytes) child.kill('SIGKILL');
      else chunks.push(chunk);
    });
    child.on('error', () => resolve(null));
    child.on('close', (code) =>
      resolve(code === 0 && size > 0 && size <= maxPosterBytes ? Buffer.concat(chunks) : null),
    );
  });
}
