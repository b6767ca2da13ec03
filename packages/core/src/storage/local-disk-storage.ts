import { randomUUID } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Storage } from './storage';

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
