import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TextFields } from '../account/text-field';
import { useTextForm } from '../account/use-text-form';
import { useTRPC } from '../trpc';
import { limitBounds, limitNames, readLimit, type LimitName } from './read-limit';
import { RowForm } from './row-form';
import { useRefreshUsers } from './use-refresh-users';

type Limits = Record<LimitName, number | null>;

/** Sets a user's own task rate and upload size, like a plan's; an empty field means the server's. */
export function LimitsForm({
  user,
  onDone,
}: {
  user: { id: string; email: string; limits: Limits };
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const form = useTextForm(
    limitNames.map((name) => ({
      name,
      label: t(`settings.users.limit.${name}`),
      type: 'number',
      inputMode: 'numeric',
      step: 1,
      ...limitBounds[name],
      placeholder: t('settings.users.serverDefault'),
      check: (value: string) =>
        readLimit(name, value) === undefined
          ? { text: t('settings.users.limitRange', limitBounds[name]) }
          : null,
    })),
    Object.fromEntries(limitNames.map((name) => [name, String(user.limits[name] ?? '')])),
  );
  const setLimits = useMutation(
    trpc.admin.users.setLimits.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
    }),
  );
  const read = (name: LimitName) => readLimit(name, form.valueOf(name)) ?? null;
  return (
    <RowForm
      label={t('settings.users.limitsFor', { email: user.email })}
      mutation={setLimits}
      submitLabel={t('settings.users.saveLimits')}
      hint={t('settings.users.limitsHint')}
      onCancel={onDone}
      onSubmit={() => {
        if (!form.send()) return;
        setLimits.mutate({
          id: user.id,
          tasksPerMinute: read('tasksPerMinute'),
          maxUploadMb: read('maxUploadMb'),
        });
      }}
    >
      <TextFields fields={form.fields} />
    </RowForm>
  );
}
