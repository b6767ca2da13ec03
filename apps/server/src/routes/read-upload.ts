/** An uploaded file's stream as the multipart plugin hands it over. */
interface UploadStream extends AsyncIterable<Buffer> {
  /** Set by the parser when the file passed the size limit (the rest was dropped). */
  readonly truncated: boolean;
}

/**
 * The whole file, or null when it is larger than `limit`. Each chunk is copied as it arrives
 * into memory reserved up front, whose pages the system maps as they are written: joining
 * the chunks at the end would copy 10 MB into fresh memory in one go, 30 ms or more during
 * which the event loop does nothing else.
 */
export async function readUpload(file: UploadStream, limit: number): Promise<Buffer | null> {
  const into = Buffer.allocUnsafeSlow(limit);
  let size = 0;
  for await (const chunk of file) {
    if (size + chunk.byteLength > limit) return null;
    chunk.copy(into, size);
    size += chunk.byteLength;
  }
  // The parser cuts a file at the limit and flags it; a cut that falls on a chunk's end
  // leaves no later chunk to notice it by, so the flag decides.
  return file.truncated ? null : into.subarray(0, size);
}
