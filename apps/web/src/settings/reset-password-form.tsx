import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accountField } from '../account/account-field';
import { TextFields } from '../account/text-field';
import { useTextForm } from '../account/use-text-form';
import { useTRPC } from '../trpc';
import { ErrorAlert } from './error-alert';
import { button, primaryButton } from './settings-styles';

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
    <form
      noValidate
      aria-label={t('settings.users.resetFor', { email: user.email })}
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (form.send()) reset.mutate({ id: user.id, password: form.valueOf('password') });
      }}
    >
      <TextFields fields={form.fields} />
      <button type="submit" disabled={reset.isPending} className={primaryButton}>
        {t('settings.users.setPassword')}
      </button>
      <button type="button" className={button} onClick={() => onDone(false)}>
        {t('settings.cancel')}
      </button>
      {reset.isError && <ErrorAlert error={reset.error} className="w-full" />}
    </form>
  );
}
