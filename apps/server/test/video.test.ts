import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeVideo } from '@genhub/core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  authHeaders,
  connectClient,
  startTestServer,
  waitForTask,
  type TestServer,
} from './test-server';
import { readZip } from './read-zip';

describe('videos through the product, made offline by the local engine', () => {
  let server: TestServer;
  let connection: ReturnType<typeof connectClient>;
  let clipTask: Awaited<ReturnType<typeof waitForTask>>;
  let imageTask: Awaited<ReturnType<typeof waitForTask>>;
  let clip: Buffer;
  /** A file as its owner fetches it, with these headers besides. */
  const fetchFile = (path: string, headers: Record<string, string> = {}) =>
    fetch(server.url + path, { headers: { ...authHeaders(server.url), ...headers } });
  beforeAll(async () => {
    server = await startTestServer({ FFMPEG_PATH: 'off' });
    connection = connectClient(server.url);
    const video = await connection.client.task.create.mutate({
      operation: 'text-to-video',
      prompt: 'a lighthouse at dusk',
      aspectRatio: '16:9',
      options: { durationSeconds: 4 },
    });
    const image = await connection.client.task.create.mutate({ prompt: 'a still lighthouse' });
    clipTask = await waitForTask(server, connection.client, video.id, 60_000);
    imageTask = await waitForTask(server, connection.client, image.id);
    clip = Buffer.from(await (await fetchFile(clipTask.generations[0]!.url)).arrayBuffer());
  });
  afterAll(async () => {
    await connection.ws.close();
    await server.close();
  });

  it('makes a real H.264 MP4 with its poster, length and size over the API', async () => {
    expect(clipTask).toMatchObject({ status: 'completed', operation: 'text-to-video' });
    const [generation] = clipTask.generations;
    expect(generation).toMatchObject({
      mime: 'video/mp4',
      width: 320,
      height: 180,
      durationMs: 4000,
      bytes: clip.byteLength,
    });
    const copy = join(server.dataDir, 'copy.mp4');
    writeFileSync(copy, clip);
    expect(await probeVideo(copy)).toEqual({ durationMs: 4000, width: 320, height: 180 });
    const poster = await fetchFile(generation!.thumbUrl);
    expect(poster.headers.get('content-type')).toBe('image/webp');
    expect(imageTask.generations[0]?.durationMs).toBeNull();
  });

  it('serves byte ranges of a video, so a player can seek', async () => {
    const url = clipTask.generations[0]!.url;
    const whole = await fetchFile(url);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    await whole.arrayBuffer();

    const middle = await fetchFile(url, { range: 'bytes=100-1099' });
    expect(middle.status).toBe(206);
    expect(middle.headers.get('content-range')).toBe(`bytes 100-1099/${clip.byteLength}`);
    expect(Buffer.from(await middle.arrayBuffer()).equals(clip.subarray(100, 1100))).toBe(true);

    const tail = await fetchFile(url, { range: 'bytes=-64' });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer()).equals(clip.subarray(-64))).toBe(true);

    const past = await fetchFile(url, { range: `bytes=${clip.byteLength + 10}-` });
    expect(past.status).toBe(416);
    await past.arrayBuffer();
  });

  it('filters the gallery to videos or images, as the SPA does', async () => {
    const videos = await connection.client.generation.list.query({ media: 'video' });
    expect(videos.items.map((t) => t.id)).toEqual([clipTask.id]);
    const images = await connection.client.generation.list.query({ media: 'image' });
    expect(images.items.map((t) => t.id)).toEqual([imageTask.id]);
  });

  it('puts the .mp4 in the ZIP export beside the images', async () => {
    const res = await fetch(`${server.url}/api/export/zip`, {
      method: 'POST',
      headers: { ...authHeaders(server.url), 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [clipTask.id, imageTask.id] }),
    });
    expect(res.status).toBe(200);
    const entries = await readZip(Buffer.from(await res.arrayBuffer()));
    expect(entries).toContainEqual({
      name: `a-lighthouse-at-dusk-${clipTask.id.slice(-8)}-1.mp4`,
      size: clip.byteLength,
    });
    expect(entries.map((e) => e.name.split('.').pop())).toEqual(['mp4', 'png']);
  });

  it('does not take a video as a reference image', async () => {
    await expect(
      connection.client.asset.fromGeneration.mutate({
        generationId: clipTask.generations[0]!.id,
      }),
    ).rejects.toMatchObject({ data: { field: 'generationId' } });
  });
});
