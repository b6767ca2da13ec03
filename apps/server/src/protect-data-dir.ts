import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What holds prompts, images, keys and the signing secret: the owner's only. */
const privateEntries: [name: string, mode: number][] = [
  ['.', 0o700],
  ['files', 0o700],
  ['secret.key', 0o600],
  ['genhub.sqlite', 0o600],
  ['genhub.sqlite-wal', 0o600],
  ['genhub.sqlite-shm', 0o600],
];

/**
 * Creates the data directory owner-only (0700) and makes what is in it owner-only too
 * (files/ 0700; the database, its WAL and shared memory, and secret.key 0600), whatever the
 * umask. Returns the paths that were open to other users before, for a warning.
 */
export function protectDataDir(dataDir: string): string[] {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const loosened: string[] = [];
  for (const [name, mode] of privateEntries) {
    const path = join(dataDir, name);
    let current: number;
    try {
      current = statSync(path).mode & 0o777;
    } catch {
      continue; // not created yet
    }
    if (current === mode) continue;
    if (current & 0o077) loosened.push(path);
    chmodSync(path, mode);
  }
  return loosened;
}
