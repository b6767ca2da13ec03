import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { EndpointForm } from './endpoint-form';
import { useRefreshWebhooks } from './use-refresh-webhooks';

/** Adding an endpoint; its secret is handed up to be shown once (in this form's place). */
export function CreateEndpoint({
  onSecret,
}: {
  onSecret: (shown: { url: string; secret: string }) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshWebhooks();
  const create = useMutation(
    trpc.webhooks.endpoints.create.mutationOptions({
      onSuccess: (created) => {
        onSecret({ url: created.endpoint.url, secret: created.secret });
        return refresh();
      },
    }),
  );
  return (
    <div className="flex flex-col gap-2">
      <h3 className="font-semibold">{t('settings.webhooks.create')}</h3>
      <EndpointForm
        label={t('settings.webhooks.create')}
        submitLabel={t('settings.webhooks.createButton')}
        mutation={create}
        onSubmit={(input) => create.mutate(input)}
      />
    </div>
  );
}
