import { Readable } from 'node:stream';
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { ZipFile } from 'yazl';
import { httpContract } from '@genhub/api';
import { exportEntries, type CoreContext } from '@genhub/core';
import type { RequestGate } from '../auth/gate-request';
import { mapLimited } from './map-limited';
import { sendError } from './send-error';

/**
 * `POST /api/export/zip` with `ids` (the caller's own; others' are left out) (JSON array, or a comma-separated form field so a plain
 * form can start a download): the images' original files as one ZIP, streamed from the store
 * one file at a time (stored, not compressed: they are compressed images already).
 */
export async function registerExportRoute(
  app: FastifyInstance,
  core: CoreContext,
  gate: RequestGate,
) {
  await app.register(formbody);
  const route = httpContract.exportZip;
  app.post(route.path, async (req, reply) => {
    const allowed = await gate(req, reply, route.scope);
    if (!allowed) return reply;
    const parsed = route.body.safeParse(req.body);
    if (!parsed.success) {
      return sendError(reply, 400, 'INVALID_INPUT', 'Send "ids": the generations to download');
    }
    const listed = await exportEntries(allowed.core, parsed.data.ids);
    const stored = await mapLimited(listed, 8, (e) => core.storage.has(e.file));
    const entries = listed.filter((_, i) => stored[i]);
    if (entries.length === 0)
      return sendError(reply, 404, 'NOT_FOUND', 'None of these has an image');
    const zip = new ZipFile();
    const output = zip.outputStream as Readable;
    // A file gone from the store since: the download stops there, the server stays up.
    zip.on('error', (error: unknown) => {
      req.log.warn({ err: error }, 'a ZIP export stopped');
      output.destroy(error instanceof Error ? error : new Error('the ZIP export failed'));
    });
    // One file is read at a time; a download given up stops reading it.
    let reading: Readable | null = null;
    output.on('close', () => reading?.destroy());
    for (const entry of entries) {
      zip.addReadStreamLazy(entry.name, { compress: false }, (done) => {
        // yazl takes a stream with an error too, and reads none of it.
        const fail = (error: unknown) => done(error, Readable.from([]));
        if (output.destroyed) return fail(new Error('the download was given up'));
        core.storage.open(entry.file).then((file) => {
          if (!file) return fail(new Error(`${entry.file} is gone from the store`));
          reading = file.body;
          done(null, file.body);
        }, fail);
      });
    }
    zip.end();
    const stamp = new Date(core.clock.now()).toISOString().slice(0, 10);
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="genhub-${stamp}.zip"`)
      .header('cache-control', 'no-store')
      .send(output);
  });
}
