import type { GenhubClient } from './connect';
import type { Board } from './progress-board';
import type { InputFile } from './read-input-file';

/** Uploads the images named on the command line, in order; returns their asset ids. */
export async function uploadReferences(
  client: GenhubClient,
  files: InputFile[],
  board: Board | null,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, file] of files.entries()) {
    board?.set('upload', `uploading ${file.path} (${index + 1}/${files.length})`);
    const asset = await client.upload(file.bytes, {
      filename: file.filename,
      contentType: file.contentType,
    });
    ids.push(asset.id);
  }
  if (files.length) board?.set('upload', `uploaded ${files.length} image(s)`, 'ok');
  return ids;
}
