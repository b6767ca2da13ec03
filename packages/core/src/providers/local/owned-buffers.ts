/**
 * The memory behind `views` that can move to another thread instead of being copied: a view
 * of only part of its buffer (a pooled small Buffer) is left out, and so is cloned.
 */
export function ownedBuffers(views: readonly Uint8Array[]): ArrayBuffer[] {
  return views.flatMap(({ buffer, byteOffset, byteLength }) =>
    buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength
      ? [buffer]
      : [],
  );
}
