import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { clientFor } from './client-for';

const pngMagic = [0x89, 0x50, 0x4e, 0x47];

describe('upload and download', () => {
  it('downloads an image, uploads it, and edits it', async () => {
    const genhub = clientFor('fast');
    const made = await genhub.generate({ prompt: 'a red square', aspectRatio: '1:1' });
    const image = made.generations[0];
    if (!image) throw new Error('no image');

    const dir = mkdtempSync(join(tmpdir(), 'genhub-client-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'red.png');
    const bytes = await genhub.download(image, path);
    expect([...bytes.subarray(0, 4)]).toEqual(pngMagic);
    expect(bytes.byteLength).toBe(image.bytes);
    expect(readFileSync(path).equals(bytes)).toBe(true);

    const asset = await genhub.upload(bytes, { filename: 'red.png', contentType: 'image/png' });
    expect(asset).toMatchObject({ width: 1024, height: 1024, mime: 'image/png' });

    const edited = await genhub.generate({
      operation: 'edit',
      prompt: 'make it blue',
      assetIds: [asset.id],
    });
    expect(edited.assetIds).toEqual([asset.id]);
    expect(edited.generations).toHaveLength(1);
  });

  it('uploads a Blob and an ArrayBuffer', async () => {
    const genhub = clientFor('fast');
    const made = await genhub.generate({ prompt: 'a green circle' });
    const image = made.generations[0];
    if (!image) throw new Error('no image');
    const bytes = await genhub.download(image);
    const fromBlob = await genhub.upload(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const fromBuffer = await genhub.upload(new Uint8Array(bytes).buffer);
    expect(fromBlob.bytes).toBe(bytes.byteLength);
    expect(fromBuffer.bytes).toBe(bytes.byteLength);
  });

  it('rejects what is not an image with the server code and message', async () => {
    const genhub = clientFor('fast');
    const error = await genhub
      .upload(new TextEncoder().encode('not an image'), { filename: 'notes.txt' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
  });

  it('answers NOT_FOUND for a file that is not there', async () => {
    const genhub = clientFor('fast');
    await expect(genhub.download({ url: '/files/nothing-here.png' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      status: 404,
    });
  });

  it('sends the API key to genhub only, never to another origin', async () => {
    const seen: (string | undefined)[] = [];
    const other = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from(pngMagic));
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => new Promise<void>((resolve) => other.close(() => resolve())));
    const { port } = other.address() as AddressInfo;
    const bytes = await clientFor('fast').download({ url: `http://127.0.0.1:${port}/x.png` });
    expect([...bytes]).toEqual(pngMagic);
    expect(seen).toEqual([undefined]);
  });
});
