/** The drag data type of gallery tiles: a JSON list of the dragged tasks. */
export const taskDragType = 'application/x-genhub-tasks';

export interface DraggedTask {
  id: string;
  collectionIds: string[];
}

const isDraggedTask = (x: unknown): x is DraggedTask =>
  typeof x === 'object' &&
  x !== null &&
  'id' in x &&
  typeof x.id === 'string' &&
  x.id !== '' &&
  'collectionIds' in x &&
  Array.isArray(x.collectionIds) &&
  x.collectionIds.every((c) => typeof c === 'string');

/** The selected ones of `all`, in their order, with their collections. */
export const selectedTasks = (
  selected: ReadonlySet<string>,
  all: readonly DraggedTask[],
): DraggedTask[] =>
  all.filter((x) => selected.has(x.id)).map(({ id, collectionIds }) => ({ id, collectionIds }));

/**
 * What dragging `task` carries: the whole selection when the tile is part of it, else the tile
 * alone. Each task brings its collections, so a drop knows which ones it really adds.
 */
export const draggedTasks = (
  task: DraggedTask,
  selected: ReadonlySet<string>,
  all: readonly DraggedTask[],
): DraggedTask[] =>
  selected.has(task.id)
    ? selectedTasks(selected, all)
    : [{ id: task.id, collectionIds: task.collectionIds }];

export const encodeDragPayload = (tasks: DraggedTask[]): string => JSON.stringify(tasks);

/** The dragged tasks, or null for anything that is not a drag from the gallery. */
export function decodeDragPayload(text: string): DraggedTask[] | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every(isDraggedTask)) return null;
    return parsed.map(({ id, collectionIds }) => ({ id, collectionIds }));
  } catch {
    return null;
  }
}

/** The ids a drop onto `collectionId` adds: the dragged tasks not in it yet. */
export const newToCollection = (tasks: DraggedTask[], collectionId: string): string[] =>
  tasks.filter((x) => !x.collectionIds.includes(collectionId)).map((x) => x.id);
