import { useTranslation } from 'react-i18next';
import { eventKey, webhookEventTypes, type WebhookEventType } from './webhook-types';

/** Which events an endpoint receives: one checkbox each. */
export function EventCheckboxes({
  value,
  onChange,
}: {
  value: readonly WebhookEventType[];
  onChange: (events: WebhookEventType[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="flex flex-col gap-1 text-sm">
      <legend className="mb-1 font-medium">{t('settings.webhooks.events')}</legend>
      {webhookEventTypes.map((type) => (
        <label key={type} className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={value.includes(type)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? webhookEventTypes.filter((t) => t === type || value.includes(t))
                  : value.filter((t) => t !== type),
              )
            }
          />
          <span>{t(eventKey(type))}</span>
          <code className="text-xs text-stone-600 dark:text-stone-400">{type}</code>
        </label>
      ))}
    </fieldset>
  );
}
