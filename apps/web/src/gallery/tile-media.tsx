import { useTranslation } from 'react-i18next';
import type { Task } from '@genhub/core/schemas';
import { tileMosaic } from './layout/tile-mosaic';
import { tileShapes } from './layout/tile-shapes';
import { TileImage } from './tile-image';
import { VideoThumb } from './video-thumb';

/** Half the space between two pictures of one tile, in pixels. */
const seam = 1;

/** A cell's box, in percent of the tile, less half the seam on every side it shares. */
function cellStyle(cell: { x: number; y: number; w: number; h: number }) {
  const inner = (at: number) => (at > 1e-6 && at < 1 - 1e-6 ? seam : 0);
  const [left, top] = [inner(cell.x), inner(cell.y)];
  const [right, bottom] = [inner(cell.x + cell.w), inner(cell.y + cell.h)];
  return {
    left: `calc(${cell.x * 100}% + ${left}px)`,
    top: `calc(${cell.y * 100}% + ${top}px)`,
    width: `calc(${cell.w * 100}% - ${left + right}px)`,
    height: `calc(${cell.h * 100}% - ${top + bottom}px)`,
  };
}

/**
 * A finished task's pictures, filling its tile: one alone, or several in a mosaic that keeps
 * every picture's shape (the tile has the mosaic's shape); past four, the last shows "+n".
 */
export function TileMedia({
  task,
  caption,
  onOpen,
}: {
  task: Task;
  caption: string;
  onOpen: (index: number) => void;
}) {
  const { t } = useTranslation();
  const { cells, hidden } = tileMosaic(tileShapes(task));
  return (
    <div data-testid="tile-media" className="absolute inset-0">
      {cells.map((cell, i) => {
        const g = task.generations[i];
        if (!g) return null;
        const more = hidden > 0 && i === cells.length - 1;
        return (
          <div key={g.id} className="absolute grid" style={cellStyle(cell)}>
            {g.durationMs !== null ? (
              <VideoThumb
                generation={g}
                label={t('task.openVideo', { index: i + 1, prompt: caption })}
                onOpen={() => onOpen(i)}
              />
            ) : (
              <button
                type="button"
                onClick={() => onOpen(i)}
                aria-label={t('task.open', { index: i + 1, prompt: caption })}
                className="relative block min-h-0 overflow-hidden focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-amber-500"
              >
                <TileImage generation={g} operation={task.operation} alt={caption} />
                {more && (
                  <span
                    data-testid="tile-more"
                    className="absolute inset-0 grid place-items-center bg-black/45 text-lg font-semibold text-white"
                  >
                    {t('tile.more', { count: hidden })}
                  </span>
                )}
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
