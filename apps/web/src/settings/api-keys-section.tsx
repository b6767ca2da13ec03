import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../account/viewer-context';
import { useTRPC } from '../trpc';
import { fresh } from './fresh';
import { ConfirmButton } from './confirm-button';
import { CreateKeyForm } from './create-key-form';
import { DataTable } from './data-table';
import { ErrorAlert } from './error-alert';
import { formatTime } from './format-time';
import { allScopes } from './scope-checkboxes';
import { SettingsCard } from './settings-card';
import { cell, muted, row } from './settings-styles';

/** The viewer's own API keys: what each may do, when it expires and was last used; revoke. */
export function ApiKeysSection() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const keys = useQuery(trpc.account.keys.list.queryOptions(undefined, fresh));
  const revoke = useMutation(
    trpc.account.keys.revoke.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.account.keys.list.queryKey() }),
    }),
  );
  const time = (ms: number | null) => formatTime(ms, i18n.language);
  const offered = allScopes.filter((s) => s !== 'admin' || viewer?.user.role === 'admin');
  return (
    <SettingsCard id="keys" heading={t('settings.keys.heading')}>
      <p className={muted}>{t('settings.keys.intro')}</p>
      {keys.isPending && <p>{t('gallery.loading')}</p>}
      {keys.isError && <ErrorAlert error={keys.error} />}
      {keys.data?.length === 0 && <p className={muted}>{t('settings.keys.none')}</p>}
      {keys.data && keys.data.length > 0 && (
        <DataTable
          testId="api-keys"
          headings={['name', 'start', 'scopes', 'expires', 'lastUsed', 'created'].map((k) =>
            t(`settings.keys.${k}`),
          )}
          actions={t('settings.actions')}
        >
          {keys.data.map((key) => (
            <tr key={key.id} className={row} data-testid="api-key-row">
              <td className={cell}>{key.name}</td>
              <td className={`${cell} font-mono`}>{key.start ? `${key.start}…` : '–'}</td>
              <td className={cell}>
                {key.scopes.map((s) => t(`settings.keys.scope.${s}`)).join(', ')}
              </td>
              <td className={cell}>
                {key.expiresAt === null ? t('settings.keys.never') : time(key.expiresAt)}
              </td>
              <td className={cell}>
                {key.lastUsedAt === null ? t('settings.keys.notUsed') : time(key.lastUsedAt)}
              </td>
              <td className={cell}>{time(key.createdAt)}</td>
              <td className={`${cell} text-right`}>
                <ConfirmButton
                  label={t('settings.keys.revoke')}
                  question={t('settings.keys.revokeQuestion', { name: key.name ?? '' })}
                  confirmLabel={t('settings.keys.revokeConfirm')}
                  pending={revoke.isPending}
                  onConfirm={() => revoke.mutate({ id: key.id })}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {revoke.isError && <ErrorAlert error={revoke.error} />}
      <CreateKeyForm offered={offered} />
    </SettingsCard>
  );
}
