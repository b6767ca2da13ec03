import { and, asc, eq, inArray } from 'drizzle-orm';
import { generations, tasks } from '@genhub/db';
import type { CoreContext } from '../context';
import { ownerCondition } from '../owners';
import { planItemLabels } from '../plans/plan-labels';

const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
};

/** A name as part of a file name: letters and digits of any script, at most 40 of them. */
function slug(prompt: string): string {
  const words = prompt.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.join('-').slice(0, 40).replace(/-+$/, '') || 'image';
}

/**
 * The original files of the acting user's tasks' images, with unique, readable names for an
 * archive: named like their gallery caption (a variation's description, else the prompt).
 */
export function exportEntries(ctx: CoreContext, ids: string[]): { file: string; name: string }[] {
  if (ids.length === 0) return [];
  const rows = ctx.db
    .select({
      taskId: generations.taskId,
      index: generations.index,
      file: generations.file,
      mime: generations.mime,
      prompt: tasks.prompt,
      operation: tasks.operation,
      planId: tasks.planId,
      planItemId: tasks.planItemId,
    })
    .from(generations)
    .innerJoin(tasks, eq(tasks.id, generations.taskId))
    .where(and(inArray(generations.taskId, [...new Set(ids)]), ownerCondition(ctx, tasks.owner)))
    .orderBy(asc(generations.taskId), asc(generations.index))
    .all();
  const labelOf = planItemLabels(ctx.db, rows);
  return rows.map((r) => ({
    file: r.file,
    name: `${slug(labelOf(r).title ?? (r.prompt || r.operation))}-${r.taskId.slice(-8)}-${r.index + 1}.${extensions[r.mime] ?? 'img'}`,
  }));
}
