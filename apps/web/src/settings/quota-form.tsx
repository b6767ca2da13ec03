import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldClass, inputClass } from '../account/text-field';
import { useTRPC } from '../trpc';
import { RowForm } from './row-form';
import { useRefreshUsers } from './use-refresh-users';

/** Sets (or, left empty, removes) a user's monthly limit in one price unit. */
export function QuotaForm({
  user,
  units,
  onDone,
}: {
  user: { id: string; email: string; quotas: readonly { unit: string; monthlyLimit: number }[] };
  units: readonly string[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const listId = useId();
  const [unit, setUnit] = useState(units[0] ?? '');
  const current = user.quotas.find((q) => q.unit === unit.trim());
  const [limit, setLimit] = useState(current ? String(current.monthlyLimit) : '');
  const setQuota = useMutation(
    trpc.admin.users.setQuota.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
    }),
  );
  const amount = limit.trim() === '' ? null : Number(limit);
  const valid = unit.trim() !== '' && (amount === null || (Number.isFinite(amount) && amount > 0));
  return (
    <RowForm
      label={t('settings.users.quotaFor', { email: user.email })}
      submitLabel={t('settings.users.saveQuota')}
      mutation={setQuota}
      ready={valid}
      hint={t('settings.users.quotaHint')}
      onSubmit={() => {
        if (valid) setQuota.mutate({ id: user.id, unit: unit.trim(), monthlyLimit: amount });
      }}
      onCancel={onDone}
    >
      <label className={fieldClass}>
        {t('settings.users.unit')}
        <input
          list={listId}
          value={unit}
          onChange={(e) => {
            setUnit(e.target.value);
            const existing = user.quotas.find((q) => q.unit === e.target.value.trim());
            setLimit(existing ? String(existing.monthlyLimit) : '');
          }}
          maxLength={32}
          className={`${inputClass} w-32`}
        />
        <datalist id={listId}>
          {units.map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
      </label>
      <label className={fieldClass}>
        {t('settings.users.monthlyLimit')}
        <input
          type="number"
          min={0}
          step="any"
          value={limit}
          placeholder={t('settings.users.noLimit')}
          onChange={(e) => setLimit(e.target.value)}
          className={`${inputClass} w-32`}
        />
      </label>
    </RowForm>
  );
}
