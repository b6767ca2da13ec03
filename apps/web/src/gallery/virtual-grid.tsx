import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';
import type { Task } from '@genhub/core/schemas';
import { tileFooterHeight } from './task-tile';
import { useElementWidth } from './use-element-width';

const gap = 12;

const columnsFor = (width: number) => (width >= 1200 ? 5 : width >= 900 ? 4 : width >= 600 ? 3 : 2);

/**
 * The gallery grid: only the rows near the viewport are in the DOM, whatever the number of
 * items. Reaching the end asks for the next page; items added above the viewport shift the
 * scroll position by the same number of rows, so what the user looks at stays put.
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
  const columns = columnsFor(width);
  const cell = width > 0 ? (width - gap * (columns - 1)) / columns : 240;
  const rowHeight = cell + tileFooterHeight + 2 + gap;
  const rows = Math.ceil(items.length / columns);
  const virtualizer = useWindowVirtualizer({
    count: rows,
    estimateSize: () => rowHeight,
    overscan: 3,
    scrollMargin: parent.current?.offsetTop ?? 0,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  // Keep the item the user looks at (the first of the first row in view, chosen when they
  // scroll) on the same line of the screen when items arrive above it.
  const anchor = useRef<{ id: string; row: number } | null>(null);
  const ownScroll = useRef(false);
  const layout = useRef({ items, columns, rowHeight, margin: virtualizer.options.scrollMargin });
  layout.current = { items, columns, rowHeight, margin: virtualizer.options.scrollMargin };
  useEffect(() => {
    const pick = () => {
      if (ownScroll.current) {
        ownScroll.current = false;
        return;
      }
      const { items: list, columns: cols, rowHeight: height, margin } = layout.current;
      const row = Math.max(0, Math.floor((window.scrollY - margin) / height));
      const first = list[row * cols];
      anchor.current = first && window.scrollY > margin ? { id: first.id, row } : null;
    };
    pick();
    window.addEventListener('scroll', pick, { passive: true });
    return () => window.removeEventListener('scroll', pick);
  }, []);
  useLayoutEffect(() => {
    const held = anchor.current;
    if (!held) return;
    const index = items.findIndex((item) => item.id === held.id);
    if (index < 0) return;
    const row = Math.floor(index / columns);
    if (row !== held.row) {
      ownScroll.current = true;
      window.scrollBy(0, (row - held.row) * rowHeight);
      anchor.current = { id: held.id, row };
    }
  }, [items, columns, rowHeight]);

  const virtualRows = virtualizer.getVirtualItems();
  const last = virtualRows.at(-1);
  useEffect(() => {
    if (last && last.index >= rows - 3) onEndReached();
  }, [last, rows, onEndReached]);

  return (
    <div
      ref={parent}
      data-testid="gallery"
      role="list"
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {virtualRows.map((row) => (
        <div
          key={row.key}
          role="presentation"
          className="absolute top-0 left-0 grid w-full"
          style={{
            transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)`,
            gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            gap,
            height: rowHeight - gap,
          }}
        >
          {items.slice(row.index * columns, row.index * columns + columns).map((task) => (
            <div key={task.id} role="listitem" className="min-w-0">
              {renderItem(task)}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
