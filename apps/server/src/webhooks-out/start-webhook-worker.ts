import { WebhookWorker, type CoreContext } from '@genhub/core';
import { findUserRow } from '@genhub/db';
import { recordAudit } from '../auth/record-audit';
import type { Env } from '../env';
import { createWebhookSender } from './send-webhook';

/**
 * Starts sending outgoing webhooks: what was due before a restart goes out at once. An
 * endpoint the worker disables for failing is recorded in the audit log.
 */
export function startWebhookWorker(core: CoreContext, env: Env): WebhookWorker {
  if (env.NODE_ENV === 'production' && env.WEBHOOK_ALLOW_HOSTS.length > 0) {
    core.log.warn(
      { WEBHOOK_ALLOW_HOSTS: env.WEBHOOK_ALLOW_HOSTS },
      'WEBHOOK_ALLOW_HOSTS is set in production: webhooks may be sent over plain http and to ' +
        'private addresses on these ports; it is meant for tests',
    );
  }
  const worker = new WebhookWorker(core, {
    send: createWebhookSender({
      allowHosts: new Set(env.WEBHOOK_ALLOW_HOSTS),
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    }),
    onEndpointDisabled: (endpoint) => {
      core.log.warn(
        { endpointId: endpoint.id, owner: endpoint.owner },
        'disabled a webhook endpoint whose deliveries kept failing',
      );
      const at = core.clock.now();
      const audited = core.data.run(function* (d) {
        // Its subject is the owner's email, or their id when they are gone.
        const owner = yield* findUserRow(d, endpoint.owner);
        yield* recordAudit(
          d,
          {
            kind: 'webhook-disabled',
            actorId: null,
            subject: owner?.email ?? endpoint.owner,
            detail: { endpointId: endpoint.id, failingSince: endpoint.failingSince },
          },
          at,
        );
      });
      audited.catch((error: unknown) => {
        core.log.error(
          { err: error, endpointId: endpoint.id },
          'could not audit a disabled webhook',
        );
      });
    },
  });
  worker.start();
  return worker;
}
