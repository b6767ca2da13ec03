import { useTranslation } from 'react-i18next';
import { setNotifyPrefs, useNotifyPrefs } from '../lib/notify';

/** Opt in to a browser notification and a sound when work finishes in a hidden tab. */
export function NotifySettings() {
  const { t } = useTranslation();
  const prefs = useNotifyPrefs();
  const supported = 'Notification' in window;
  return (
    <fieldset className="flex items-center gap-2 text-xs text-stone-600 dark:text-stone-400">
      <legend className="sr-only">{t('notify.label')}</legend>
      {supported && (
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={prefs.notify && Notification.permission === 'granted'}
            onChange={(e) => {
              const on = e.target.checked;
              if (!on) return setNotifyPrefs({ ...prefs, notify: false });
              void Notification.requestPermission().then((answer) =>
                setNotifyPrefs({ ...prefs, notify: answer === 'granted' }),
              );
            }}
          />
          {t('notify.notify')}
        </label>
      )}
      <label className="flex items-center gap-1">
        <input
          type="checkbox"
          checked={prefs.sound}
          onChange={(e) => setNotifyPrefs({ ...prefs, sound: e.target.checked })}
        />
        {t('notify.sound')}
      </label>
    </fieldset>
  );
}
