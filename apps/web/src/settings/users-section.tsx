import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../account/viewer-context';
import { useTRPC } from '../trpc';
import { fresh } from './fresh';
import { CreateUserForm } from './create-user-form';
import { DataTable } from './data-table';
import { ErrorAlert } from './error-alert';
import { quotaUnits } from './quota-units';
import { SettingsCard } from './settings-card';
import { muted } from './settings-styles';
import { UserRow } from './user-row';

/** Admins: everyone who may sign in, and adding someone. */
export function UsersSection() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const viewer = useViewer();
  const users = useQuery(trpc.admin.users.list.queryOptions(undefined, fresh));
  const providers = useQuery(trpc.provider.list.queryOptions());
  const units = quotaUnits(
    providers.data ?? [],
    (users.data ?? []).flatMap((u) => u.quotas.map((q) => q.unit)),
  );
  return (
    <SettingsCard id="users" heading={t('settings.users.heading')}>
      <p className={muted}>{t('settings.users.intro')}</p>
      {users.isPending && <p>{t('gallery.loading')}</p>}
      {users.isError && <ErrorAlert error={users.error} />}
      {users.data && (
        <DataTable
          testId="users"
          headings={['person', 'role', 'status', 'quota', 'limits', 'since'].map((k) =>
            t(`settings.users.${k}`),
          )}
          actions={t('settings.actions')}
        >
          {users.data.map((user) => (
            <UserRow key={user.id} user={user} self={user.id === viewer?.user.id} units={units} />
          ))}
        </DataTable>
      )}
      <CreateUserForm />
    </SettingsCard>
  );
}
