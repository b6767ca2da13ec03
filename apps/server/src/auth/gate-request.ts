import type { CoreContext } from '@genhub/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../routes/send-error';
import { coreForViewer } from './core-for-viewer';
import { refuseViewer } from './refuse-viewer';
import type { ViewerSource } from './resolve-viewer';
import type { Scope } from '@genhub/api';
import type { Viewer } from './viewer';

export type RequestGate = (
  req: FastifyRequest,
  reply: FastifyReply,
  scope: Scope,
) => Promise<{ viewer: Viewer; core: CoreContext } | null>;

/**
 * For the plain HTTP routes: who is calling (session cookie or Bearer key) and the core they
 * act through, or null once a 401/403 envelope has been sent.
 */
export function createRequestGate(
  core: CoreContext,
  resolveViewer: (source: ViewerSource) => Promise<Viewer | null>,
): RequestGate {
  return async (req, reply, scope) => {
    const { viewer, refusal } = refuseViewer(await resolveViewer({ headers: req.headers }), scope);
    if (refusal) {
      await sendError(reply, refusal.status, refusal.code, refusal.message);
      return null;
    }
    return { viewer, core: coreForViewer(core, viewer, scope) };
  };
}
