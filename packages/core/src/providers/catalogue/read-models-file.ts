import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseModelsFile, type ModelsFile } from './models-file';

/** Reads and parses the models file at `path`; every error names the file. */
export function readModelsFile(path: string): ModelsFile {
  const source = resolve(path);
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new Error(`${source}: cannot read it (${code})`);
  }
  return parseModelsFile(text, source);
}
