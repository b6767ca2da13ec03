import { open } from 'node:fs/promises';
import { createFile, MP4BoxBuffer, type Movie } from 'mp4box';

export interface VideoFacts {
  durationMs: number;
  width: number;
  height: number;
}

/** Read this much at a time, where the parser asks: the header, then the index (`moov`). */
const readSize = 1024 * 1024;
/** More than any real index needs (hours of video); past it the file is refused, not buffered. */
const maxParsedBytes = 64 * 1024 * 1024;

function factsOf(movie: Movie): VideoFacts | null {
  const track = movie.videoTracks[0];
  if (!track) return null;
  const width = track.video?.width ?? track.track_width;
  const height = track.video?.height ?? track.track_height;
  const seconds =
    movie.duration > 0 && movie.timescale > 0
      ? movie.duration / movie.timescale
      : movie.fragment_duration && movie.fragment_duration.den > 0
        ? movie.fragment_duration.num / movie.fragment_duration.den
        : track.timescale > 0
          ? track.duration / track.timescale
          : 0;
  const durationMs = Math.round(seconds * 1000);
  if (!(width > 0 && height > 0 && durationMs > 0)) return null;
  return { durationMs, width: Math.round(width), height: Math.round(height) };
}

/**
 * The length and picture size of an MP4 on disk, from its index (`mvhd`, the video `trak`),
 * as mp4box.js parses them. Only the boxes the parser asks for are read: the media data is
 * skipped, so a long clip costs a few reads. Null when it is not a playable MP4.
 */
export async function probeVideo(path: string): Promise<VideoFacts | null> {
  const file = await open(path, 'r');
  try {
    const size = (await file.stat()).size;
    const parser = createFile(false);
    let movie: Movie | null = null;
    let failed = false;
    parser.onReady = (info) => (movie = info);
    parser.onError = () => (failed = true);
    let position = 0;
    let parsed = 0;
    while (!movie && !failed && position < size && parsed < maxParsedBytes) {
      const length = Math.min(readSize, size - position);
      const buffer = new ArrayBuffer(length);
      const { bytesRead } = await file.read(new Uint8Array(buffer), 0, length, position);
      if (bytesRead === 0) break;
      parsed += bytesRead;
      let next: number;
      try {
        next = parser.appendBuffer(
          MP4BoxBuffer.fromArrayBuffer(buffer.slice(0, bytesRead), position),
          position + bytesRead >= size,
        );
      } catch {
        return null;
      }
      // The parser names the next byte it needs; one that does not move forward ends the walk.
      if (next <= position) break;
      position = next;
    }
    parser.flush();
    return movie ? factsOf(movie) : null;
  } finally {
    await file.close();
  }
}
