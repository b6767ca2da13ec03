import { describe, expect, it } from 'vitest';
import { maxUploadNameLength, uploadFileName } from './upload-file-name';

describe('an uploaded file name', () => {
  it('keeps the last part of a path, either slash', () => {
    expect(uploadFileName('photo.png')).toBe('photo.png');
    expect(uploadFileName('../../etc/photo.png')).toBe('photo.png');
    expect(uploadFileName('C:\\fakepath\\照片.jpg')).toBe('照片.jpg');
  });

  it('drops control and direction-changing characters, and is null when nothing is left', () => {
    expect(uploadFileName('ph\u0000o\u202eto\n.png ')).toBe('photo.png');
    expect(uploadFileName('  \u200b ')).toBeNull();
    expect(uploadFileName('dir/')).toBeNull();
    expect(uploadFileName(undefined)).toBeNull();
  });

  it('is capped in characters, never splitting one, and keeps its extension', () => {
    const name = uploadFileName(`${'😀'.repeat(200)}.png`);
    expect([...(name ?? '')]).toHaveLength(maxUploadNameLength);
    expect(name).toMatch(/^😀+\.png$/u);
  });
});
