import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { StagedFile, Storage } from './storage';

const safeName = /^[a-z0-9][a-z0-9._-]*$/;

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
    if (!safeName.test(name)) throw new Error(`Unsafe storage name: ${name}`);
    return join(this.dir, name);
  }

  async put(name: string, bytes: Uint8Array): Promise<void> {
    const target = this.path(name);
    const temp = join(this.dir, `.tmp-${randomUUID()}`);
    await writeFile(temp, bytes);
    await rename(temp, target);
  }

  async stage(chunks: AsyncIterable<Uint8Array>, signal?: AbortSignal): Promise<StagedFile> {
    const temp = join(this.dir, `.tmp-${randomUUID()}`);
    let bytes = 0;
    const counted = async function* () {
      for await (const chunk of chunks) {
        bytes += chunk.byteLength;
        yield chunk;
      }
    };
    try {
      await pipeline(Readable.from(counted()), createWriteStream(temp, { flags: 'wx' }), {
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return {
      path: temp,
      bytes,
      commit: (name) => rename(temp, this.path(name)),
      discard: () => rm(temp, { force: true }),
    };
  }

  get(name: string): Promise<Buffer> {
    return readFile(this.path(name));
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

  url(name: string): string {
    return this.urlPrefix + name;
  }
}
