import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { taskCostLabel } from '../../lib/format-cost';
import { useTRPC } from '../../trpc';
import { taskOperationName } from '../task-caption';
import { catalogNames } from './catalog-names';
import { mimeLabel } from './mime-label';
import { optionPhrases } from './option-phrases';
import { clipLength, type Generation, type Task } from '@genhub/core/schemas';

type Row = [string, string];

/** The task's settings and facts in words, as a description list. */
export function LightboxDetails({ task, generation }: { task: Task; generation: Generation }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const providers = useQuery(trpc.provider.list.queryOptions());
  const costLabel = taskCostLabel(task, t);
  const options = optionPhrases(task.options, t).join(', ');
  const names = catalogNames(task, providers.data, t);
  const tried = task.triedProviders
    .map((id) => catalogNames({ provider: id, model: '' }, providers.data, t).provider)
    .join(', ');
  const when = (condition: unknown, row: Row): Row[] => (condition ? [row] : []);
  const rows: Row[] = [
    [t('lightbox.operation'), taskOperationName(task, t)],
    ...when(options, [t('lightbox.options'), options]),
    [t('lightbox.provider'), names.provider],
    [t('lightbox.model'), names.model],
    [t('lightbox.aspectRatio'), task.aspectRatio],
    ...when(task.resolution, [t('generate.resolution'), task.resolution ?? '']),
    [t('lightbox.size'), `${generation.width} × ${generation.height}`],
    ...when(generation.durationMs !== null, [
      t('lightbox.duration'),
      clipLength(generation.durationMs ?? 0),
    ]),
    [t('lightbox.format'), mimeLabel(generation.mime)],
    [t('lightbox.seed'), String(task.seed)],
    [t('task.attempts'), `${task.attempts} / ${Math.max(1, task.maxAttempts)}`],
    ...when(tried, [t('lightbox.triedFirst'), tried]),
    ...when(task.warnings.length > 0, [t('lightbox.warnings'), task.warnings.join('; ')]),
    ...when(costLabel, [t('lightbox.cost'), costLabel ?? '']),
    ...when(task.planItemId, [t('lightbox.plan'), task.planItemId ?? '']),
    [t('lightbox.created'), new Date(task.createdAt).toLocaleString(i18n.language)],
    ...when(task.startedAt !== null && task.finishedAt !== null, [
      t('lightbox.took'),
      t('lightbox.seconds', {
        seconds: (((task.finishedAt ?? 0) - (task.startedAt ?? 0)) / 1000).toFixed(1),
      }),
    ]),
  ];
  return (
    <section>
      <h2 className="mb-1 text-xs uppercase tracking-wide text-stone-400">
        {t('lightbox.details')}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-stone-400">{label}</dt>
            <dd className="break-all">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
