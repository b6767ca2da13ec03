import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../trpc';

/** Each configured provider's remaining balance, in the header. */
export function Balance() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const balances = useQuery(
    trpc.account.balance.queryOptions(undefined, { refetchInterval: 60_000 }),
  );
  if (!balances.data?.length) return null;
  return (
    <span className="flex gap-2 text-xs text-stone-600 dark:text-stone-400">
      {balances.data.map((b) => (
        <span key={b.provider} data-testid={`balance-${b.provider}`} title={b.error ?? undefined}>
          {b.label}:{' '}
          {b.amount === null
            ? t('balance.unavailable')
            : t('balance.amount', { amount: b.amount, unit: b.unit })}
        </span>
      ))}
    </span>
  );
}
