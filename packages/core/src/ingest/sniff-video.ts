import { fileTypeFromBuffer } from 'file-type';

/** Enough of the start of a file to tell an MP4 by its `ftyp` box. */
export const videoSniffBytes = 4100;

/** Whether the bytes start an MP4 (`ftyp` with an MP4 brand), whatever the name or header said. */
export async function sniffVideo(head: Uint8Array): Promise<boolean> {
  const type = await fileTypeFromBuffer(head);
  return type?.mime === 'video/mp4' || type?.mime === 'video/x-m4v';
}
