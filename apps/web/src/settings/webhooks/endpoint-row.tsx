import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { ConfirmButton } from '../confirm-button';
import { ErrorAlert } from '../error-alert';
import { formatTime } from '../format-time';
import { button, cell, muted, row } from '../settings-styles';
import { EndpointForm } from './endpoint-form';
import { EndpointStatus } from './endpoint-status';
import { useRefreshWebhooks } from './use-refresh-webhooks';
import { eventKey, type WebhookEndpoint } from './webhook-types';

/** One endpoint: its events and state; edit, switch on or off, test, rotate its secret, delete. */
export function EndpointRow({
  endpoint,
  onSecret,
}: {
  endpoint: WebhookEndpoint;
  /** A rotated secret, to show once. */
  onSecret: (shown: { url: string; secret: string }) => void;
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshWebhooks();
  const [editing, setEditing] = useState(false);
  const [tested, setTested] = useState(false);
  const update = useMutation(
    trpc.webhooks.endpoints.update.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        return refresh();
      },
    }),
  );
  const test = useMutation(
    trpc.webhooks.endpoints.test.mutationOptions({
      onSuccess: () => {
        setTested(true);
        return refresh();
      },
    }),
  );
  const rotate = useMutation(
    trpc.webhooks.endpoints.rotateSecret.mutationOptions({
      onSuccess: (rotated) => {
        onSecret({ url: rotated.endpoint.url, secret: rotated.secret });
        return refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.webhooks.endpoints.delete.mutationOptions({ onSuccess: refresh }),
  );
  const failed = [update, test, rotate, remove].find((m) => m.isError)?.error;
  return (
    <>
      <tr className={row} data-testid="webhook-endpoint-row" data-url={endpoint.url}>
        <td className={`${cell} max-w-xs`}>
          <span className="font-mono text-xs break-all">{endpoint.url}</span>
          {endpoint.description && <span className={`${muted} block`}>{endpoint.description}</span>}
        </td>
        <td className={cell}>{endpoint.events.map((e) => t(eventKey(e))).join(', ')}</td>
        <td className={cell}>
          <EndpointStatus endpoint={endpoint} />
        </td>
        <td className={cell}>{formatTime(endpoint.createdAt, i18n.language)}</td>
        <td className={`${cell} text-right`}>
          <span className="inline-flex flex-wrap justify-end gap-1">
            <button type="button" className={button} onClick={() => setEditing(true)}>
              {t('settings.webhooks.edit')}
            </button>
            <button
              type="button"
              className={button}
              disabled={update.isPending}
              onClick={() => update.mutate({ id: endpoint.id, enabled: !endpoint.enabled })}
            >
              {endpoint.enabled ? t('settings.webhooks.disable') : t('settings.webhooks.enable')}
            </button>
            <button
              type="button"
              className={button}
              disabled={!endpoint.enabled || test.isPending}
              onClick={() => test.mutate({ id: endpoint.id })}
            >
              {t('settings.webhooks.test')}
            </button>
            <ConfirmButton
              label={t('settings.webhooks.rotate')}
              question={t('settings.webhooks.rotateQuestion')}
              confirmLabel={t('settings.webhooks.rotateConfirm')}
              pending={rotate.isPending}
              onConfirm={() => rotate.mutate({ id: endpoint.id })}
            />
            <ConfirmButton
              label={t('settings.webhooks.delete')}
              question={t('settings.webhooks.deleteQuestion', { url: endpoint.url })}
              confirmLabel={t('settings.webhooks.deleteConfirm')}
              pending={remove.isPending}
              onConfirm={() => remove.mutate({ id: endpoint.id })}
            />
          </span>
          {tested && (
            <p role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
              {t('settings.webhooks.testQueued')}
            </p>
          )}
          {failed !== undefined && failed !== null && <ErrorAlert error={failed} />}
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={5} className="pb-3">
            <EndpointForm
              label={t('settings.webhooks.editFor', { url: endpoint.url })}
              submitLabel={t('settings.webhooks.save')}
              initial={endpoint}
              mutation={update}
              onSubmit={(input) => update.mutate({ id: endpoint.id, ...input })}
              onCancel={() => setEditing(false)}
            />
          </td>
        </tr>
      )}
    </>
  );
}
