/** A video's length as `m:ss` (8000 ms → `0:08`), for posters and the gallery's badge. */
export function clipLength(durationMs: number): string {
  const seconds = Math.round(durationMs / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
