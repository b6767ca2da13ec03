import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accountField } from './account-field';
import { AuthCard } from './auth-card';
import { signIn } from './sign-in';
import { TextFields } from './text-field';
import { useTextForm } from './use-text-form';

/** Email and password; on success `onSignedIn` lets the app in. */
export function SignInScreen({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const { t } = useTranslation();
  const form = useTextForm([
    { ...accountField('email', t('account.email'), 'username'), autoFocus: true },
    {
      ...accountField('password', t('account.password'), 'current-password'),
      // Whatever it is, the server judges it: an old password may predate today's rules.
      check: (password) => (password === '' ? 'required' : null),
    },
  ]);
  const send = useMutation({
    mutationFn: async () => {
      await signIn({ email: form.valueOf('email').trim(), password: form.valueOf('password') });
      await onSignedIn();
    },
  });
  return (
    <AuthCard
      testId="sign-in"
      texts="signIn"
      form={form}
      send={send}
      footer={
        <p className="text-xs text-stone-600 dark:text-stone-400">{t('account.signIn.forgot')}</p>
      }
    >
      <TextFields fields={form.fields} />
    </AuthCard>
  );
}
