import { createDecipheriv } from 'node:crypto';
import { ivBytes, tagBytes } from './encrypt-setting';

/**
 * The value `encryptSetting` sealed for this name, or null when it does not open with this
 * key (another SECRET_KEY, another data directory) or was altered.
 */
export function decryptSetting(key: Buffer, name: string, encrypted: string): string | null {
  const sealed = Buffer.from(encrypted, 'base64');
  if (sealed.length < ivBytes + tagBytes) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, ivBytes), {
      authTagLength: tagBytes,
    });
    decipher.setAuthTag(sealed.subarray(ivBytes, ivBytes + tagBytes));
    decipher.setAAD(Buffer.from(name, 'utf8'));
    const plain = Buffer.concat([
      decipher.update(sealed.subarray(ivBytes + tagBytes)),
      decipher.final(),
    ]);
    return plain.toString('utf8');
  } catch {
    return null;
  }
}
