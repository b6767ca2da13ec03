import { imageExtensions } from '../ingest/sniff-image';

const typeOfExtension = new Map<string, string>([
  ...Object.entries(imageExtensions).map(([mime, ext]): [string, string] => [ext, mime]),
  ['jpeg', 'image/jpeg'],
  ['mp4', 'video/mp4'],
]);

/** The media type of a stored file, from its name's extension (what the store wrote it as). */
export function contentTypeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  const extension = dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
  return typeOfExtension.get(extension) ?? 'application/octet-stream';
}
