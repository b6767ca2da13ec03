import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accountField } from '../account/account-field';
import { TextFields } from '../account/text-field';
import { useTextForm } from '../account/use-text-form';
import { useTRPC } from '../trpc';
import { RowForm } from './row-form';

/** A new password for someone who lost theirs; tell it to them yourself. */
export function ResetPasswordForm({
  user,
  onDone,
}: {
  user: { id: string; email: string };
  /** `true` once the new password is set; `false` on Cancel. */
  onDone: (changed: boolean) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const form = useTextForm([
    accountField('password', t('settings.users.newPassword'), 'new-password'),
  ]);
  const reset = useMutation(
    trpc.admin.users.resetPassword.mutationOptions({ onSuccess: () => onDone(true) }),
  );
  return (
    <RowForm
      label={t('settings.users.resetFor', { email: user.email })}
      submitLabel={t('settings.users.setPassword')}
      mutation={reset}
      onSubmit={() => {
        if (form.send()) reset.mutate({ id: user.id, password: form.valueOf('password') });
      }}
      onCancel={() => onDone(false)}
    >
      <TextFields fields={form.fields} />
    </RowForm>
  );
}
