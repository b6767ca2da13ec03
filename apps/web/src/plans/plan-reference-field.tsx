import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ReferencePicker } from '../generate/reference-picker';
import { useTRPC } from '../trpc';
import type { PlanReference } from './plan-builder-context';
import type { ShownField } from './use-shown-problems';

const recentCount = 12;

/**
 * The plan's reference image, picked from the latest images of the gallery or uploaded here.
 * An imported plan may name one by file name: then the name shows instead of a thumbnail.
 */
export function PlanReferenceField({
  value,
  thumbUrl,
  onChange,
  field,
}: {
  value: string;
  thumbUrl: string | undefined;
  onChange: (reference: PlanReference) => void;
  field: ShownField;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // Always asked afresh on opening: the cache never goes stale by itself (staleTime Infinity),
  // and a list first read while the gallery was empty would otherwise stay empty.
  const recent = useQuery(
    trpc.generation.list.queryOptions(
      { limit: 30, status: 'completed', media: 'image' },
      { refetchOnMount: 'always' },
    ),
  );
  // Videos carry a poster, not an image to edit.
  const images = (recent.data?.items ?? [])
    .flatMap((task) => task.generations.filter((g) => g.mime.startsWith('image/')))
    .slice(0, recentCount);
  return (
    <fieldset
      className="flex flex-col gap-2 sm:col-span-3"
      aria-invalid={field.input['aria-invalid']}
      aria-describedby={field.input['aria-describedby']}
    >
      <legend className="mb-1 text-sm font-medium">{t('plan.reference')}</legend>
      <div className="flex flex-wrap items-center gap-3">
        {value === '' ? (
          <span className="text-sm text-stone-600 dark:text-stone-400">
            {t('plan.noReference')}
          </span>
        ) : thumbUrl ? (
          <img
            src={thumbUrl}
            alt={t('plan.chosenReference')}
            className="size-16 rounded object-cover ring-2 ring-amber-500"
          />
        ) : (
          <span data-testid="plan-reference-name" className="text-sm">
            {value}
          </span>
        )}
        {images.length > 0 && (
          <div role="group" aria-label={t('plan.recentImages')} className="flex flex-wrap gap-1.5">
            {images.map((image, i) => (
              <button
                key={image.id}
                type="button"
                aria-pressed={image.id === value}
                aria-label={t('plan.useImage', { index: i + 1 })}
                onClick={() => onChange({ id: image.id, thumbUrl: image.thumbUrl })}
                className={`rounded ${image.id === value ? 'ring-2 ring-amber-500' : 'opacity-80 hover:opacity-100'}`}
              >
                <img src={image.thumbUrl} alt="" className="size-12 rounded object-cover" />
              </button>
            ))}
          </div>
        )}
      </div>
      <ReferencePicker
        assets={[]}
        max={1}
        label={t('plan.uploadReference')}
        onChange={([asset]) => asset && onChange({ id: asset.id, thumbUrl: asset.url })}
      />
      {field.problem && (
        <p id={field.problem.id} className="text-xs text-rose-700 dark:text-rose-300">
          {field.problem.text}
        </p>
      )}
    </fieldset>
  );
}
