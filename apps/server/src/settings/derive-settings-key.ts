import { hkdfSync } from 'node:crypto';

/** Names this key's purpose, so no other key derived from the same secret can equal it. */
const info = 'genhub runtime settings: AES-256-GCM v1';

/**
 * The AES-256 key that encrypts runtime settings: HKDF-SHA256 of `SECRET_KEY` when it is set
 * (its UTF-8 bytes), else of the data directory's own secret.
 */
export function deriveSettingsKey(secretKey: string | undefined, dataDirSecret: Buffer): Buffer {
  const material = secretKey === undefined ? dataDirSecret : Buffer.from(secretKey, 'utf8');
  return Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), info, 32));
}
