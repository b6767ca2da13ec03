import { describe, expect, it } from 'vitest';
import {
  decodeDragPayload,
  draggedTasks,
  encodeDragPayload,
  newToCollection,
} from './drag-payload';

const tasks = [
  { id: 'a', collectionIds: [], prompt: 'x' },
  { id: 'b', collectionIds: ['trips'], prompt: 'y' },
  { id: 'c', collectionIds: [], prompt: 'z' },
];

describe('dragging gallery tiles onto a collection', () => {
  it('carries the selection when the dragged tile is selected, else the tile alone', () => {
    const [a, , c] = tasks;
    if (!a || !c) throw new Error('fixture');
    expect(draggedTasks(a, new Set(['a', 'b']), tasks).map((x) => x.id)).toEqual(['a', 'b']);
    expect(draggedTasks(c, new Set(['a', 'b']), tasks)).toEqual([{ id: 'c', collectionIds: [] }]);
  });

  it('reads back what it wrote, and nothing else', () => {
    const dragged = [{ id: 'a', collectionIds: ['x'] }];
    expect(decodeDragPayload(encodeDragPayload(dragged))).toEqual(dragged);
    expect(decodeDragPayload('https://example.com/a.png')).toBeNull();
    expect(decodeDragPayload('[]')).toBeNull();
    expect(decodeDragPayload('[{"id":""}]')).toBeNull();
  });

  it('adds only what is not in the collection yet', () => {
    expect(newToCollection(tasks, 'trips')).toEqual(['a', 'c']);
    expect(newToCollection(tasks.slice(1, 2), 'trips')).toEqual([]);
  });
});
