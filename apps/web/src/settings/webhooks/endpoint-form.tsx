import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldClass, inputClass } from '../../account/text-field';
import { ErrorAlert } from '../error-alert';
import { button, primaryButton } from '../settings-styles';
import { EventCheckboxes } from './event-checkboxes';
import type { WebhookEndpointInput, WebhookEventType } from './webhook-types';

const blank: WebhookEndpointInput = { url: '', description: '', events: ['task.completed'] };

/** An endpoint's URL, description and events: to add one, or to change one (with Cancel). */
export function EndpointForm({
  label,
  submitLabel,
  initial = blank,
  mutation,
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  initial?: WebhookEndpointInput;
  mutation: { isPending: boolean; error: unknown };
  onSubmit: (input: WebhookEndpointInput) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [url, setUrl] = useState(initial.url);
  const [description, setDescription] = useState(initial.description ?? '');
  const [events, setEvents] = useState<WebhookEventType[]>(initial.events);
  const ready = url.trim() !== '' && events.length > 0 && !mutation.isPending;
  return (
    <form
      aria-label={label}
      data-testid="webhook-endpoint-form"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onSubmit({ url: url.trim(), description: description.trim(), events });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2">
        <label className={fieldClass}>
          {t('settings.webhooks.url')}
          <input
            type="url"
            value={url}
            maxLength={2000}
            required
            placeholder="https://example.com/hooks/genhub"
            onChange={(e) => setUrl(e.target.value)}
            className={inputClass}
          />
        </label>
        <label className={fieldClass}>
          {t('settings.webhooks.description')}
          <input
            value={description}
            maxLength={200}
            placeholder={t('settings.webhooks.descriptionPlaceholder')}
            onChange={(e) => setDescription(e.target.value)}
            className={inputClass}
          />
        </label>
      </div>
      <EventCheckboxes value={events} onChange={setEvents} />
      {mutation.error !== null && <ErrorAlert error={mutation.error} />}
      <div className="flex gap-2">
        <button type="submit" disabled={!ready} className={primaryButton}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className={button} onClick={onCancel}>
            {t('settings.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
