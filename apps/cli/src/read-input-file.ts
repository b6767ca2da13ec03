import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { usageError } from './cli-error';

const contentTypes: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.json': 'application/json',
};

export interface InputFile {
  path: string;
  filename: string;
  contentType: string | undefined;
  bytes: Uint8Array;
}

const fsError = z.object({ code: z.string() });

/** A file named on the command line; one that cannot be read is a usage error. */
export async function readInputFile(path: string): Promise<InputFile> {
  try {
    const bytes = new Uint8Array(await readFile(path));
    return {
      path,
      filename: basename(path),
      contentType: contentTypes[extname(path).toLowerCase()],
      bytes,
    };
  } catch (error) {
    const code = fsError.safeParse(error).data?.code;
    if (code === 'ENOENT') throw usageError(`No such file: ${path}`);
    if (code === 'EISDIR') throw usageError(`${path} is a directory, not a file`);
    if (code === 'EACCES') throw usageError(`Cannot read ${path}: permission denied`);
    throw error;
  }
}
