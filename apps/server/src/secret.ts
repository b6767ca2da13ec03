import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** This installation's signing secret, made on first start and kept in the data dir. */
export function loadSecret(dataDir: string): Buffer {
  const path = join(dataDir, 'secret.key');
  try {
    const existing = readFileSync(path);
    if (existing.length >= 32) return existing;
  } catch {
    // first start
  }
  const secret = randomBytes(32);
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}
