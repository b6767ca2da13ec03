const labels: Record<string, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'video/mp4': 'MP4',
  'video/webm': 'WebM',
};

/** A file type as people name it ("PNG"); an unknown type shows its subtype in capitals. */
export function mimeLabel(mime: string): string {
  return labels[mime] ?? (mime.split('/')[1] ?? mime).toUpperCase();
}
