import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatAmount } from '../lib/format-cost';
import { useTRPC } from '../trpc';
import { ConfirmButton } from './confirm-button';
import { ErrorAlert } from './error-alert';
import { formatTime } from './format-time';
import { LimitsForm } from './limits-form';
import { LimitsSummary } from './limits-summary';
import { QuotaForm } from './quota-form';
import { ResetPasswordForm } from './reset-password-form';
import type { RouterOutputs } from './router-types';
import { button, cell, muted, row } from './settings-styles';
import { useRefreshUsers } from './use-refresh-users';

type User = RouterOutputs['admin']['users']['list'][number];

/** One user: role, enabled or not, monthly quotas, own limits; reset their password. Not yourself. */
export function UserRow({ user, self, units }: { user: User; self: boolean; units: string[] }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const [editing, setEditing] = useState<'password' | 'quota' | 'limits' | null>(null);
  const [passwordSet, setPasswordSet] = useState(false);
  const update = useMutation(trpc.admin.users.update.mutationOptions({ onSuccess: refresh }));
  return (
    <>
      <tr className={row} data-testid="user-row" data-email={user.email}>
        <td className={cell}>
          <span className="font-medium">{user.name}</span>
          {self && <span className={`${muted} ml-1`}>{t('settings.users.you')}</span>}
          <span className={`${muted} block`}>{user.email}</span>
        </td>
        <td className={cell}>
          <select
            aria-label={t('settings.users.roleOf', { email: user.email })}
            value={user.role}
            disabled={self || update.isPending}
            onChange={(e) =>
              update.mutate({ id: user.id, role: e.target.value === 'admin' ? 'admin' : 'member' })
            }
            className="rounded border border-stone-300 bg-transparent px-1 py-0.5 dark:border-stone-700"
          >
            <option value="member">{t('account.roles.member')}</option>
            <option value="admin">{t('account.roles.admin')}</option>
          </select>
        </td>
        <td className={cell}>
          {user.disabled ? (
            <span className="text-rose-700 dark:text-rose-300">{t('settings.users.disabled')}</span>
          ) : (
            t('settings.users.active')
          )}
        </td>
        <td className={cell}>
          {user.quotas.length === 0
            ? t('settings.users.noQuota')
            : user.quotas
                .map((q) =>
                  t('settings.users.perMonth', { amount: formatAmount(q.monthlyLimit, q.unit) }),
                )
                .join(', ')}
        </td>
        <td className={cell}>
          <LimitsSummary limits={user.limits} />
        </td>
        <td className={cell}>{formatTime(user.createdAt, i18n.language)}</td>
        <td className={`${cell} text-right`}>
          <span className="inline-flex flex-wrap justify-end gap-1">
            {!self &&
              (user.disabled ? (
                <button
                  type="button"
                  className={button}
                  disabled={update.isPending}
                  onClick={() => update.mutate({ id: user.id, disabled: false })}
                >
                  {t('settings.users.enable')}
                </button>
              ) : (
                <ConfirmButton
                  label={t('settings.users.disable')}
                  question={t('settings.users.disableQuestion', { email: user.email })}
                  confirmLabel={t('settings.users.disable')}
                  pending={update.isPending}
                  onConfirm={() => update.mutate({ id: user.id, disabled: true })}
                />
              ))}
            <button type="button" className={button} onClick={() => setEditing('password')}>
              {t('settings.users.resetPassword')}
            </button>
            <button type="button" className={button} onClick={() => setEditing('quota')}>
              {t('settings.users.setQuota')}
            </button>
            <button type="button" className={button} onClick={() => setEditing('limits')}>
              {t('settings.users.setLimits')}
            </button>
          </span>
          {passwordSet && (
            <p role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
              {t('settings.users.passwordSet')}
            </p>
          )}
          {update.isError && <ErrorAlert error={update.error} />}
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={7} className="pb-3">
            {editing === 'password' ? (
              <ResetPasswordForm
                user={user}
                onDone={(changed) => {
                  setPasswordSet(changed);
                  setEditing(null);
                }}
              />
            ) : editing === 'quota' ? (
              <QuotaForm user={user} units={units} onDone={() => setEditing(null)} />
            ) : (
              <LimitsForm user={user} onDone={() => setEditing(null)} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}
