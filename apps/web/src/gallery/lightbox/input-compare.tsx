import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Task } from '@genhub/core/schemas';
import { useTRPC } from '../../trpc';
import type { CompareImage } from './compare-image';
import { lightboxButton as nav } from './lightbox-button';

const pressed =
  'rounded-md border border-stone-100 bg-stone-100 px-3 py-1.5 text-sm text-stone-900 hover:bg-white';

/**
 * "Compare with input" for an edit or operation: the result against the image it started from
 * (one button an input when there are several).
 */
export function InputCompare({
  task,
  after,
  comparing,
  onCompare,
  onStop,
}: {
  task: Task;
  after: CompareImage;
  /** The input being compared, or null. */
  comparing: string | null;
  onCompare: (inputId: string, before: CompareImage, after: CompareImage) => void;
  onStop: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const inputs = useQuery({
    ...trpc.asset.byIds.queryOptions({ ids: task.assetIds }),
    enabled: task.assetIds.length > 0,
  });
  const assets = inputs.data ?? [];
  if (assets.length === 0) return null;
  const several = assets.length > 1;
  return (
    <section className="flex flex-wrap items-center gap-2">
      {assets.map((asset, i) => {
        const name = several
          ? t('lightbox.compare.withInputN', { n: i + 1 })
          : t('lightbox.compare.withInput');
        const on = comparing === asset.id;
        const before = {
          url: asset.url,
          label: several
            ? t('lightbox.compare.inputN', { n: i + 1 })
            : t('lightbox.compare.before'),
        };
        return (
          <button
            key={asset.id}
            type="button"
            className={on ? pressed : nav}
            aria-pressed={on}
            onClick={() => (on ? onStop() : onCompare(asset.id, before, after))}
          >
            {name}
          </button>
        );
      })}
    </section>
  );
}
