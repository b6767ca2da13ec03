import { useWindowVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  type CSSProperties,
  type ReactNode,
} from 'react';
import type { Task } from '@genhub/core/schemas';
import { justifyRows, type JustifiedRow } from './layout/justify-rows';
import { firstRowFrom, rowOfItem } from './layout/row-at';
import { tileAspect } from './layout/tile-shapes';
import { tileFooterHeight } from './task-tile';
import { useElementWidth } from './use-element-width';

/** Rows aim at this picture height: about two squares a row on a phone, four or five on a desktop. */
const targetHeightFor = (width: number) => Math.round(Math.min(240, Math.max(140, width * 0.42)));
const gapFor = (width: number) => (width < 600 ? 8 : 12);

/**
 * One row of tiles. Memoized: scrolling re-renders the grid, but a row already on screen keeps
 * its tiles as they are.
 */
const GridRow = memo(function GridRow({
  row,
  items,
  top,
  renderItem,
}: {
  row: JustifiedRow;
  items: Task[];
  top: number;
  renderItem: (task: Task) => ReactNode;
}) {
  return (
    <div
      role="presentation"
      data-testid="gallery-row"
      className="absolute top-0 left-0 w-full"
      style={{ transform: `translateY(${top}px)`, height: row.height + tileFooterHeight }}
    >
      {items.slice(row.start, row.start + row.count).map((task, i) => (
        <div
          key={task.id}
          role="listitem"
          className="absolute top-0 grid h-full"
          style={
            {
              left: row.lefts[i],
              width: row.widths[i],
              // The tile reads its picture's height from here, whatever wraps it.
              '--tile-image-height': `${row.height}px`,
            } as CSSProperties
          }
        >
          {renderItem(task)}
        </div>
      ))}
    </div>
  );
});

/**
 * The gallery: justified rows in which every picture keeps its shape, with only the rows near
 * the viewport in the DOM, whatever the number of items. Row heights come from the layout, so
 * nothing is measured. Reaching the end asks for the next page; when items arrive above the
 * viewport, the first row fully in view stays on the same line of the screen.
 */
export function VirtualGrid({
  items,
  renderItem,
  onEndReached,
}: {
  items: Task[];
  renderItem: (task: Task) => ReactNode;
  onEndReached: () => void;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const width = useElementWidth(parent);
  const gap = gapFor(width);
  const aspects = useMemo(() => items.map(tileAspect), [items]);
  const rows = useMemo(
    () => justifyRows(aspects, { width, targetHeight: targetHeightFor(width), gap }),
    [aspects, width, gap],
  );
  // Where each row starts, relative to the grid; one more entry for the end.
  const tops = useMemo(() => {
    const list = [0];
    for (const row of rows) list.push((list.at(-1) ?? 0) + row.height + tileFooterHeight + gap);
    return list;
  }, [rows, gap]);
  // A new key function whenever the rows change makes the virtualizer read their sizes again.
  const getItemKey = useCallback(
    (index: number) => items[rows[index]?.start ?? 0]?.id ?? index,
    [items, rows],
  );
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    getItemKey,
    estimateSize: (index) => (tops[index + 1] ?? 0) - (tops[index] ?? 0),
    overscan: 2,
    scrollMargin: parent.current?.offsetTop ?? 0,
  });

  // Keep the first item of the first row fully in view (chosen when the user scrolls) on the
  // same line of the screen when items arrive above it and the rows flow again.
  const anchor = useRef<{ id: string; top: number } | null>(null);
  const ownScroll = useRef(false);
  const layout = useRef({ items, rows, tops, margin: virtualizer.options.scrollMargin });
  layout.current = { items, rows, tops, margin: virtualizer.options.scrollMargin };
  useEffect(() => {
    const pick = () => {
      if (ownScroll.current) {
        ownScroll.current = false;
        return;
      }
      const { items: list, rows: all, tops: starts, margin } = layout.current;
      const offset = window.scrollY - margin;
      const index = offset > 0 ? firstRowFrom(starts, all.length, offset) : -1;
      const first = list[all[index]?.start ?? -1];
      anchor.current = first ? { id: first.id, top: starts[index] ?? 0 } : null;
    };
    pick();
    window.addEventListener('scroll', pick, { passive: true });
    return () => window.removeEventListener('scroll', pick);
  }, []);
  useLayoutEffect(() => {
    const held = anchor.current;
    if (!held) return;
    const row = rowOfItem(
      rows,
      items.findIndex((item) => item.id === held.id),
    );
    const top = tops[row];
    if (row < 0 || top === undefined) return;
    if (top !== held.top) {
      ownScroll.current = true;
      window.scrollBy(0, top - held.top);
      anchor.current = { id: held.id, top };
    }
  }, [items, rows, tops]);

  const virtualRows = virtualizer.getVirtualItems();
  const last = virtualRows.at(-1);
  useEffect(() => {
    if (last && last.index >= rows.length - 3) onEndReached();
  }, [last, rows.length, onEndReached]);

  return (
    <div
      ref={parent}
      data-testid="gallery"
      role="list"
      style={{ height: Math.max(0, virtualizer.getTotalSize() - gap), position: 'relative' }}
    >
      {virtualRows.map((virtualRow) => {
        const row = rows[virtualRow.index];
        return (
          row && (
            <GridRow
              key={virtualRow.key}
              row={row}
              items={items}
              top={virtualRow.start - virtualizer.options.scrollMargin}
              renderItem={renderItem}
            />
          )
        );
      })}
    </div>
  );
}
