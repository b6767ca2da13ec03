import { dimensionsOf, type Task } from '@genhub/core/schemas';
import { tileMosaic } from './tile-mosaic';

type Shaped = Pick<Task, 'generations' | 'aspectRatio' | 'count'>;

/**
 * The width-over-height of each picture a tile shows: the results' own sizes once there are
 * any, else the shape asked for (`auto`, whose input size the task does not carry, as square),
 * once per image asked for.
 */
export function tileShapes(task: Shaped): number[] {
  // A size of 0 gives NaN, which the mosaic reads as square.
  if (task.generations.length > 0) return task.generations.map((g) => g.width / g.height);
  const { width, height } = dimensionsOf(task.aspectRatio);
  return Array.from({ length: Math.max(1, task.count) }, () => width / height);
}

// Task objects are replaced, never changed, when they change: a live update re-lays out
// thousands of tiles but works out only the new one's shape.
const aspects = new WeakMap<Shaped, number>();

/** A tile's width over height: its pictures' mosaic. */
export function tileAspect(task: Shaped): number {
  let aspect = aspects.get(task);
  if (aspect === undefined) {
    aspect = tileMosaic(tileShapes(task)).aspect;
    aspects.set(task, aspect);
  }
  return aspect;
}
