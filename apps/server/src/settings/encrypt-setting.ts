import { createCipheriv, randomBytes } from 'node:crypto';

export const ivBytes = 12;
export const tagBytes = 16;

/**
 * AES-256-GCM with a fresh random IV; the setting's name is authenticated with it, so a value
 * copied into another row does not decrypt. Returns base64 of iv, tag and ciphertext.
 */
export function encryptSetting(key: Buffer, name: string, value: string): string {
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: tagBytes });
  cipher.setAAD(Buffer.from(name, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}
