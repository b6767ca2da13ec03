import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';
import { FailingWebhooksBadge } from '../settings/webhooks/failing-webhooks-badge';
import { FailingWebhooksMenuItem } from '../settings/webhooks/failing-webhooks-menu-item';
import { signOut } from './sign-out';
import { useViewer } from './viewer-context';

const item =
  'block w-full rounded px-3 py-1.5 text-left text-sm hover:bg-stone-100 dark:hover:bg-stone-800';

/** The signed-in person's name in the header, opening Settings and Sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  // A fresh page after sign-out: no data, no socket, nothing of the session left in memory.
  const leave = useMutation({ mutationFn: signOut, onSuccess: () => window.location.reload() });

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!(e.target instanceof Node && root.current?.contains(e.target))) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!viewer) return null;
  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        data-testid="user-menu"
        onClick={() => setOpen((o) => !o)}
        className="inline-flex items-center gap-1 rounded-md border border-stone-300 px-3 py-1 text-sm dark:border-stone-700"
      >
        {viewer.user.name}
        <FailingWebhooksBadge />
        <span aria-hidden className="text-xs">
          ▾
        </span>
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label={viewer.user.name}
          className="absolute right-0 z-30 mt-1 w-56 rounded-lg border border-stone-200 bg-white p-1 shadow-lg dark:border-stone-700 dark:bg-stone-900"
        >
          <p className="truncate px-3 py-1.5 text-xs text-stone-600 dark:text-stone-400">
            {viewer.user.email} · {t(`account.roles.${viewer.user.role}`)}
          </p>
          <a role="menuitem" href="#/settings" onClick={() => setOpen(false)} className={item}>
            {t('account.menu.settings')}
          </a>
          <FailingWebhooksMenuItem className={item} onNavigate={() => setOpen(false)} />
          <button
            type="button"
            role="menuitem"
            disabled={leave.isPending}
            onClick={() => leave.mutate()}
            className={item}
          >
            {t('account.menu.signOut')}
          </button>
          {leave.isError && (
            <p role="alert" className="px-3 py-1 text-xs text-rose-700 dark:text-rose-300">
              {errorMessage(leave.error)}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
