import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { accountField } from './account-field';
import { repeatProblem } from './account-validation';
import { AuthCard } from './auth-card';
import { createAdmin } from './create-admin';
import { TextFields } from './text-field';
import { useTextForm } from './use-text-form';

/** First run: the person installing genhub becomes its admin. */
export function OnboardingScreen({ onCreated }: { onCreated: () => Promise<void> }) {
  const { t } = useTranslation();
  const form = useTextForm([
    { ...accountField('email', t('account.email'), 'username'), autoFocus: true },
    accountField('name', t('account.name'), 'name'),
    accountField('password', t('account.password'), 'new-password'),
    {
      ...accountField('password', t('account.repeatPassword'), 'new-password'),
      name: 'repeat',
      check: (repeat, valueOf) => repeatProblem(valueOf('password'), repeat),
    },
  ]);
  const send = useMutation({
    mutationFn: async () => {
      const { valueOf } = form;
      await createAdmin({
        email: valueOf('email').trim(),
        name: valueOf('name').trim(),
        password: valueOf('password'),
      });
      await onCreated();
    },
  });
  return (
    <AuthCard
      testId="onboarding"
      texts="onboarding"
      intro={t('account.onboarding.intro')}
      form={form}
      send={send}
    >
      <TextFields fields={form.fields} />
    </AuthCard>
  );
}
