import { describe, expect, it } from 'vitest';
import type { ChainNode } from '@genhub/core/schemas';
import { layoutChain } from './chain-layout';

const node = (taskId: string, parentTaskId: string | null): ChainNode => ({
  taskId,
  parentTaskId,
  parentGenerationId: parentTaskId && `${parentTaskId}-image`,
  generations: [{ id: `${taskId}-image`, url: `/f/${taskId}`, thumbUrl: `/t/${taskId}` }],
  prompt: taskId,
  operation: parentTaskId ? 'edit' : 'generate',
  status: 'completed',
  createdAt: 0,
});

const placed = (nodes: ChainNode[], root = 'a') =>
  layoutChain(nodes, root).cells.map((c) => [c.node.taskId, c.step, c.lane, c.branchOf]);

describe('the edit chain timeline', () => {
  it('puts a straight chain on one lane, one step a column', () => {
    expect(placed([node('a', null), node('b', 'a'), node('c', 'b')])).toEqual([
      ['a', 1, 0, null],
      ['b', 2, 0, null],
      ['c', 3, 0, null],
    ]);
    expect(layoutChain([node('a', null), node('b', 'a')], 'a')).toMatchObject({
      lanes: 1,
      steps: 2,
    });
  });

  it('starts a branch when a step is edited again, and keeps each branch’s later steps on it', () => {
    const nodes = [
      node('a', null),
      node('b', 'a'),
      node('c', 'b'),
      node('d', 'b'),
      node('e', 'd'),
      node('f', 'a'),
    ];
    expect(placed(nodes)).toEqual([
      ['a', 1, 0, null],
      ['b', 2, 0, null],
      ['c', 3, 0, null],
      ['d', 3, 1, 0],
      ['e', 4, 1, null],
      ['f', 2, 2, 0],
    ]);
    expect(layoutChain(nodes, 'a')).toMatchObject({ lanes: 3, steps: 4 });
  });

  it('still shows steps whose parent is missing, each on a lane of its own', () => {
    expect(placed([node('a', null), node('x', 'gone')])).toEqual([
      ['a', 1, 0, null],
      ['x', 1, 1, null],
    ]);
  });
});
