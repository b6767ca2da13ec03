import { randomUUID } from 'node:crypto';
import { access, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { RangeNotSatisfiableError, resolveByteRange, type ByteRange } from './byte-range';
import { probeDirectory } from './probe-directory';
import type { OpenedFile, OpenOptions, StagedFile, Storage } from './storage';
import { assertStorageName } from './storage-name';
import { writeTempFile } from './write-temp-file';

/** Files under one directory, written atomically (temp file + rename). */
export class LocalDiskStorage implements Storage {
  constructor(
    readonly dir: string,
    private readonly urlPrefix = '/files/',
  ) {}

  async init(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
  }

  private path(name: string): string {
    return join(this.dir, assertStorageName(name));
  }

  async put(name: string, bytes: Uint8Array): Promise<void> {
    const target = this.path(name);
    const temp = join(this.dir, `.tmp-${randomUUID()}`);
    await writeFile(temp, bytes);
    await rename(temp, target);
  }

  async stage(chunks: AsyncIterable<Uint8Array>, signal?: AbortSignal): Promise<StagedFile> {
    const { path, bytes } = await writeTempFile(this.dir, chunks, signal);
    return {
      path,
      bytes,
      commit: (name) => rename(path, this.path(name)),
      discard: () => rm(path, { force: true }),
    };
  }

  get(name: string): Promise<Buffer> {
    return readFile(this.path(name));
  }

  async open(name: string, range?: ByteRange, options?: OpenOptions): Promise<OpenedFile | null> {
    const path = this.path(name);
    if (options?.headOnly) return this.head(path, range);
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      // The size of what was opened: a rename over the name meanwhile cannot mix two files.
      const { size } = await handle.stat();
      const part = range ? resolveByteRange(range, size) : null;
      if (range && !part) throw new RangeNotSatisfiableError(size);
      const body = handle.createReadStream(part ?? {});
      return { body, size, range: part };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** The file's size and the part `range` names, read from its metadata alone. */
  private async head(path: string, range?: ByteRange): Promise<OpenedFile | null> {
    let size: number;
    try {
      const found = await stat(path);
      if (!found.isFile()) return null;
      size = found.size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const part = range ? resolveByteRange(range, size) : null;
    if (range && !part) throw new RangeNotSatisfiableError(size);
    return { body: Readable.from([]), size, range: part };
  }

  async has(name: string): Promise<boolean> {
    try {
      await access(this.path(name));
      return true;
    } catch {
      return false;
    }
  }

  async delete(name: string): Promise<void> {
    await rm(this.path(name), { force: true });
  }

  check(): Promise<void> {
    return probeDirectory(this.dir);
  }

  url(name: string): string {
    return this.urlPrefix + name;
  }
}
