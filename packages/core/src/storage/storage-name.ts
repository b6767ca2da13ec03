/**
 * Stored files have flat, content-addressed names: no path, no dot file, nothing to escape,
 * and short enough for any file system (a SHA-256 and an extension are 70-odd characters).
 */
const storageName = /^[a-z0-9][a-z0-9._-]{0,199}$/;

export class UnsafeStorageNameError extends Error {
  override readonly name = 'UnsafeStorageNameError';
  constructor(readonly storageName: string) {
    super(`Unsafe storage name: ${JSON.stringify(storageName.slice(0, 80))}`);
  }
}

export function isStorageName(name: string): boolean {
  return storageName.test(name);
}

/** The name, when it is one a store may hold; throws otherwise. */
export function assertStorageName(name: string): string {
  if (!isStorageName(name)) throw new UnsafeStorageNameError(name);
  return name;
}
