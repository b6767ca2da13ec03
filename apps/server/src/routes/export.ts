import { existsSync } from 'node:fs';
import { join } from 'node:path';
import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { ZipFile } from 'yazl';
import { httpContract } from '@genhub/api';
import { exportEntries, type CoreContext } from '@genhub/core';
import type { RequestGate } from '../auth/gate-request';
import { sendError } from './send-error';

/**
 * `POST /api/export/zip` with `ids` (the caller's own; others' are left out) (JSON array, or a comma-separated form field so a plain
 * form can start a download): the images' original files as one ZIP, streamed from disk
 * (stored, not compressed: they are compressed images already).
 */
export async function registerExportRoute(
  app: FastifyInstance,
  core: CoreContext,
  filesDir: string,
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
    const entries = exportEntries(allowed.core, parsed.data.ids).filter((e) =>
      existsSync(join(filesDir, e.file)),
    );
    if (entries.length === 0)
      return sendError(reply, 404, 'NOT_FOUND', 'None of these has an image');
    const zip = new ZipFile();
    for (const entry of entries) {
      zip.addFile(join(filesDir, entry.file), entry.name, { compress: false });
    }
    zip.end();
    const stamp = new Date(core.clock.now()).toISOString().slice(0, 10);
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="genhub-${stamp}.zip"`)
      .header('cache-control', 'no-store')
      .send(zip.outputStream);
  });
}
