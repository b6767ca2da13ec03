import type { ChainNode } from '@genhub/core/schemas';

/** Where a chain step sits in the timeline: its column (1-based step) and row (its branch). */
export interface ChainCell {
  node: ChainNode;
  /** 1 for the root, 2 for an edit of it, … */
  step: number;
  /** 0 for the main line; each later edit of the same step opens the next lane. */
  lane: number;
  /** The lane it branched off, when it opens a lane of its own; else null. */
  branchOf: number | null;
}

/**
 * The timeline of an edit tree: the first edit of a step continues its lane, every later edit
 * of the same step starts a new lane (a branch). Cells come in reading order (depth first).
 */
export function layoutChain(
  nodes: readonly ChainNode[],
  rootTaskId: string,
): { cells: ChainCell[]; lanes: number; steps: number } {
  const children = new Map<string, ChainNode[]>();
  for (const node of nodes) {
    if (node.parentTaskId === null || node.taskId === rootTaskId) continue;
    children.set(node.parentTaskId, [...(children.get(node.parentTaskId) ?? []), node]);
  }
  const cells: ChainCell[] = [];
  let lanes = 0;
  const placed = new Set<string>();
  const visit = (node: ChainNode, step: number, lane: number, branchOf: number | null) => {
    if (placed.has(node.taskId)) return;
    placed.add(node.taskId);
    cells.push({ node, step, lane, branchOf });
    (children.get(node.taskId) ?? []).forEach((child, i) => {
      if (i === 0) visit(child, step + 1, lane, null);
      else visit(child, step + 1, lanes++, lane);
    });
  };
  const root = nodes.find((n) => n.taskId === rootTaskId);
  if (root) visit(root, 1, lanes++, null);
  // Steps whose parent is not in the answer (a truncated tree) start lanes of their own.
  for (const node of nodes) if (!placed.has(node.taskId)) visit(node, 1, lanes++, null);
  const steps = cells.reduce((most, cell) => Math.max(most, cell.step), 0);
  return { cells, lanes, steps };
}
