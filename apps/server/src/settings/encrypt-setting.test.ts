import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptSetting } from './decrypt-setting';
import { encryptSetting } from './encrypt-setting';

describe('encryptSetting / decryptSetting', () => {
  const key = randomBytes(32);
  const value = 'sk-live-0123456789abcdef';

  it('opens what it sealed, with a fresh IV each time and no clear text', () => {
    const a = encryptSetting(key, 'KIE_API_KEY', value);
    const b = encryptSetting(key, 'KIE_API_KEY', value);
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64').includes(Buffer.from(value))).toBe(false);
    // iv (12) + tag (16) + one byte per ASCII character
    expect(Buffer.from(a, 'base64')).toHaveLength(12 + 16 + value.length);
    expect(decryptSetting(key, 'KIE_API_KEY', a)).toBe(value);
    expect(decryptSetting(key, 'KIE_API_KEY', b)).toBe(value);
  });

  it('gives null for another key, another name, an altered byte or garbage', () => {
    const sealed = encryptSetting(key, 'KIE_API_KEY', value);
    expect(decryptSetting(randomBytes(32), 'KIE_API_KEY', sealed)).toBeNull();
    expect(decryptSetting(key, 'FAL_KEY', sealed)).toBeNull();
    const bytes = Buffer.from(sealed, 'base64');
    for (const at of [0, 12, 28, bytes.length - 1]) {
      const altered = Buffer.from(bytes);
      altered[at] = (altered[at] ?? 0) ^ 1;
      expect(
        decryptSetting(key, 'KIE_API_KEY', altered.toString('base64')),
        `byte ${at}`,
      ).toBeNull();
    }
    expect(decryptSetting(key, 'KIE_API_KEY', '')).toBeNull();
    expect(decryptSetting(key, 'KIE_API_KEY', 'not base64 at all!')).toBeNull();
    expect(decryptSetting(key, 'KIE_API_KEY', bytes.subarray(0, 28).toString('base64'))).toBeNull();
  });
});
