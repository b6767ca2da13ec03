import { useTranslation } from 'react-i18next';
import { useConnectionState } from './use-connection-state';

const dot = {
  connected: 'bg-emerald-500',
  connecting: 'bg-amber-400 animate-pulse',
  reconnecting: 'bg-rose-500 animate-pulse',
} as const;

export function ConnectionIndicator() {
  const { t } = useTranslation();
  const state = useConnectionState();
  return (
    <span
      role="status"
      data-state={state}
      className="inline-flex items-center gap-2 rounded-full border border-stone-300 px-3 py-1 text-xs dark:border-stone-700"
    >
      <span className={`size-2 rounded-full ${dot[state]}`} aria-hidden />
      {t(`connection.${state}`)}
    </span>
  );
}
