import { useTranslation } from 'react-i18next';
import type { ModelCapabilities } from '@genhub/core/schemas';
import { modelLifecycleView } from './model-lifecycle-view';

/** A note under a model picker when the chosen model is deprecated or retires soon. */
export function ModelLifecycleNote({
  model,
  models,
  now,
}: {
  model: ModelCapabilities | undefined;
  /** The provider's models, to name the replacement by its label. */
  models: readonly ModelCapabilities[];
  now: number;
}) {
  const { t } = useTranslation();
  const view = model
    ? modelLifecycleView(model, now, t, (id) => models.find((m) => m.id === id)?.label ?? id)
    : null;
  if (!view) return null;
  return (
    <p
      role="note"
      data-testid="model-lifecycle"
      className={`rounded-md px-2 py-1 text-xs ${
        view.kind === 'deprecated'
          ? 'bg-stone-100 text-stone-700 dark:bg-stone-800 dark:text-stone-300'
          : 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200'
      }`}
    >
      {view.text}
    </p>
  );
}
