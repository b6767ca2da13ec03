/** The longest file name kept for an upload, in characters. */
export const maxUploadNameLength = 120;

/**
 * What an uploaded file's name is kept as: the last part of any path (either slash), without
 * control or bidirectional-formatting characters, trimmed, capped (keeping the extension);
 * null when nothing is left.
 */
export function uploadFileName(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const last = raw.split(/[/\\]/).at(-1) ?? '';
  const clean = last
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  const chars = [...clean];
  if (chars.length <= maxUploadNameLength) return clean.length > 0 ? clean : null;
  // A long name loses the end of its stem, not its extension.
  const extension = /\.[\p{L}\p{N}]{1,8}$/u.exec(clean)?.[0] ?? '';
  return (
    chars
      .slice(0, maxUploadNameLength - extension.length)
      .join('')
      .trim() + extension
  );
}
