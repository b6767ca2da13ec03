import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { RangeNotSatisfiableError, resolveByteRange, type ByteRange } from './byte-range';
import type { OpenedFile, StagedFile, Storage } from './storage';
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

  async open(name: string, range?: ByteRange): Promise<OpenedFile | null> {
    const path = this.path(name);
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

  async check(): Promise<void> {
    await access(this.dir, constants.R_OK | constants.W_OK);
  }

  url(name: string): string {
    return this.urlPrefix + name;
  }
}
