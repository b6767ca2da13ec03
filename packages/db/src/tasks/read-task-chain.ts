import { and, asc, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import type { DataSource } from '../data/data-source';
import type { TaskRow } from '../schema';
import { ownedBy } from '../data/owned-by';

export interface TaskChainRequest {
  /** The step to start from. */
  taskId: string;
  /** The acting user: every step must be theirs. Absent for everyone's. */
  owner: string | undefined;
  /** The most steps to return, and to walk up from `taskId` (itself included). */
  maxNodes: number;
}

export interface TaskChainRows {
  /** Where the walk up stopped: a step with no parent, or whose parent is not the user's. */
  root: TaskRow;
  /** The root, then its descendants breadth first, by id within a level; at most `maxNodes`. */
  rows: TaskRow[];
  /** More descendants exist than `rows` holds. */
  truncated: boolean;
}

/**
 * The ids of a chain's steps with their distance from the root, as one recursive query:
 * `chain_up` follows `parent_generation_id` from the start (the user's steps only, never one
 * twice, `maxNodes` at most), `chain_root` is the last it reached, and `chain_down` takes the
 * root's descendants level by level, leaving out attempts a retry replaced and steps in the
 * trash. A step has one parent, so a cycle among them passes through the root: keeping the root
 * out of `chain_down` ends any. The depth cap bounds it too: a step deeper than `maxNodes` would
 * come after `maxNodes` others anyway. `cross join` keeps SQLite's join order (PostgreSQL plans
 * it freely): from the steps reached to their images to the steps continuing those, by index,
 * rather than through every step of the user's for each step reached.
 */
function chainSteps({ dialect, t }: DataSource, request: TaskChainRequest): SQL {
  const { tasks, generations } = t;
  const { taskId, owner, maxNodes } = request;
  const theirs = ownedBy(tasks.owner, owner);
  const marker = sql`',' || ${tasks.id} || ','`;
  const unwalked =
    dialect === 'pg'
      ? sql`strpos(chain_up.trail, ${marker}) = 0`
      : sql`instr(chain_up.trail, ${marker}) = 0`;
  return sql`(
    with recursive
      chain_up(id, parent_generation_id, depth, trail) as (
        select ${tasks.id}, ${tasks.parentGenerationId}, 1, ${marker}
        from ${tasks}
        where ${and(eq(tasks.id, taskId), theirs)}
        union all
        select ${tasks.id}, ${tasks.parentGenerationId}, chain_up.depth + 1, chain_up.trail || ${tasks.id} || ','
        from chain_up
        cross join ${generations}
        cross join ${tasks}
        where ${and(
          sql`${generations.id} = chain_up.parent_generation_id`,
          eq(tasks.id, generations.taskId),
          sql`chain_up.depth < ${maxNodes}`,
          theirs,
          unwalked,
        )}
      ),
      chain_root(id) as (select id from chain_up order by depth desc limit 1),
      chain_down(id, depth) as (
        select id, 0 from chain_root
        union all
        select ${tasks.id}, chain_down.depth + 1
        from chain_down
        cross join ${generations}
        cross join ${tasks}
        where ${and(
          sql`${generations.taskId} = chain_down.id`,
          eq(tasks.parentGenerationId, generations.id),
          sql`chain_down.depth < ${maxNodes}`,
          sql`${tasks.id} <> (select id from chain_root)`,
          isNull(tasks.retriedById),
          isNull(tasks.deletedAt),
          theirs,
        )}
      )
    select id, depth from chain_down order by depth, id limit ${maxNodes + 1}
  ) as chain`;
}

/**
 * The edit tree a task belongs to (`parent_generation_id` links), in one query: up to its root,
 * then every descendant, breadth first. Undefined when the task does not exist or is not the
 * user's.
 */
export async function readTaskChain(
  data: DataSource,
  request: TaskChainRequest,
): Promise<TaskChainRows | undefined> {
  const { db, t } = data;
  const found = await db
    .select(getTableColumns(t.tasks))
    .from(chainSteps(data, request))
    // The few steps, then each one's row by its key (SQLite keeps a cross join's order).
    .crossJoin(t.tasks)
    .where(sql`${t.tasks.id} = chain.id`)
    .orderBy(sql`chain.depth`, asc(t.tasks.id));
  const root = found[0];
  if (root === undefined) return undefined;
  return {
    root,
    rows: found.slice(0, request.maxNodes),
    truncated: found.length > request.maxNodes,
  };
}
