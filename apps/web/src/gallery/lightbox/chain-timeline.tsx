import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../trpc';
import { layoutChain, type ChainCell } from './chain-layout';
import type { CompareImage } from './compare-image';

/** The first image of a step, if it has one. */
const imageOf = (cell: ChainCell) => cell.node.generations[0];

/**
 * The edit chain the open task belongs to, as a timeline: one column a step, one row a branch.
 * Any step opens, continues ("Edit"), or is picked with another for a comparison.
 */
export function ChainTimeline({
  taskId,
  onOpen,
  onEdit,
  onCompare,
  editing,
}: {
  taskId: string;
  onOpen: (taskId: string) => void;
  onEdit: (taskId: string, generationId: string) => void;
  onCompare: (before: CompareImage, after: CompareImage) => void;
  editing: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const heading = useId();
  const chain = useQuery({
    ...trpc.task.chain.queryOptions({ taskId }),
    // A chain grows while the gallery is open: read it again each time the lightbox shows one.
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
  const [picked, setPicked] = useState<string[]>([]);
  if (!chain.data || chain.data.nodes.length < 2) return null;
  const { cells, steps } = layoutChain(chain.data.nodes, chain.data.rootTaskId);
  const label = (cell: ChainCell) => t('chain.step', { step: cell.step });
  const pickedCells = cells
    .filter((cell) => picked.includes(cell.node.taskId))
    .sort((a, b) => (a.node.taskId < b.node.taskId ? -1 : 1));
  const toggle = (id: string) =>
    setPicked((now) => (now.includes(id) ? now.filter((p) => p !== id) : [...now, id].slice(-2)));
  const [first, second] = pickedCells;
  const compare = () => {
    const a = first && imageOf(first);
    const b = second && imageOf(second);
    if (first && second && a && b) {
      onCompare({ url: a.url, label: label(first) }, { url: b.url, label: label(second) });
    }
  };

  return (
    <section aria-labelledby={heading} data-testid="chain-timeline" className="shrink-0 px-4 pb-3">
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <h2 id={heading} className="text-xs uppercase tracking-wide text-stone-400">
          {t('chain.title')}
        </h2>
        {first && second ? (
          <button
            type="button"
            onClick={compare}
            className="rounded-md border border-amber-400 px-3 py-1 text-sm text-amber-200 hover:bg-stone-800"
          >
            {t('chain.compareSteps', { a: label(first), b: label(second) })}
          </button>
        ) : (
          <span className="text-xs text-stone-400">{t('chain.pickTwo')}</span>
        )}
        {chain.data.truncated && (
          <span className="text-xs text-stone-400">{t('chain.truncated')}</span>
        )}
      </div>
      <ol
        className="grid gap-x-3 gap-y-2 overflow-x-auto pb-1"
        style={{ gridTemplateColumns: `repeat(${steps}, 5.5rem)` }}
      >
        {cells.map((cell) => {
          const image = imageOf(cell);
          const current = cell.node.taskId === taskId;
          const id = cell.node.taskId;
          return (
            <li
              key={id}
              data-testid="chain-step"
              data-lane={cell.lane}
              className="relative flex flex-col gap-1"
              style={{ gridColumn: cell.step, gridRow: cell.lane + 1 }}
            >
              {cell.branchOf !== null && (
                <span aria-hidden="true" className="absolute -left-3 top-6 text-xs text-amber-300">
                  ↳
                </span>
              )}
              <button
                type="button"
                aria-current={current ? 'step' : undefined}
                aria-label={t('chain.open', {
                  step: label(cell),
                  prompt: cell.node.prompt || t(`operation.names.${cell.node.operation}`),
                })}
                title={cell.node.prompt}
                // A step with nothing made yet (waiting, failed) has no image to open.
                disabled={!image}
                onClick={() => onOpen(id)}
                className={`h-16 w-full overflow-hidden rounded-md border-2 bg-stone-800 ${current ? 'border-amber-400' : 'border-transparent hover:border-stone-500'}`}
              >
                {image ? (
                  <img src={image.thumbUrl} alt="" className="h-full w-full object-cover" />
                ) : (
                  <span className="text-xs text-stone-400">
                    {t(`taskStatus.${cell.node.status}`)}
                  </span>
                )}
              </button>
              <div className="flex items-center justify-between text-xs">
                <span className={current ? 'text-amber-300' : 'text-stone-400'}>{label(cell)}</span>
                {image && (
                  <input
                    type="checkbox"
                    aria-label={t('chain.pick', { step: label(cell) })}
                    checked={picked.includes(id)}
                    onChange={() => toggle(id)}
                    className="accent-amber-400"
                  />
                )}
              </div>
              {image && (
                <button
                  type="button"
                  disabled={editing}
                  aria-label={t('chain.editStep', { step: label(cell) })}
                  onClick={() => onEdit(id, image.id)}
                  className="rounded border border-stone-600 px-1 py-0.5 text-xs hover:bg-stone-800"
                >
                  {t('chain.edit')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
