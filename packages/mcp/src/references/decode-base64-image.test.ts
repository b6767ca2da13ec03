import { describe, expect, it } from 'vitest';
import { ToolInputError } from '../tool-input-error';
import { decodeBase64Image } from './decode-base64-image';

const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => i % 256));

describe('decodeBase64Image', () => {
  it('reads a data: URL and bare base64 (standard or URL-safe)', () => {
    const text = bytes.toString('base64');
    expect(decodeBase64Image(`data:image/png;base64,${text}`)).toEqual(bytes);
    expect(decodeBase64Image(text)).toEqual(bytes);
    expect(decodeBase64Image(bytes.toString('base64url'))).toEqual(bytes);
    expect(decodeBase64Image(`${text.slice(0, 50)}\n${text.slice(50)}`)).toEqual(bytes);
  });

  it('leaves ids and URLs alone (null)', () => {
    expect(decodeBase64Image('01jzabcdefghjkmnpqrstvwxyz')).toBeNull();
    expect(decodeBase64Image('https://example.com/a.png')).toBeNull();
  });

  it('refuses a data: URL that is not base64', () => {
    expect(() => decodeBase64Image('data:image/svg+xml,<svg/>')).toThrow(ToolInputError);
  });

  it('refuses more than the upload cap before decoding it', () => {
    const huge = `data:image/png;base64,${'A'.repeat(15 * 1024 * 1024)}`;
    expect(() => decodeBase64Image(huge)).toThrow(/larger than 10 MB/);
  });
});
