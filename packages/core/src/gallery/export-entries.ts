import { listExportRows } from '@genhub/db';
import type { CoreContext } from '../context';
import { readPlanItemLabels } from '../plans/plan-labels';

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
export async function exportEntries(
  ctx: CoreContext,
  ids: string[],
): Promise<{ file: string; name: string }[]> {
  const rows = await listExportRows(ctx.data, ids, ctx.owner);
  const labelOf = await readPlanItemLabels(ctx.data, rows);
  return rows.map((r) => ({
    file: r.file,
    name: `${slug(labelOf(r).title ?? (r.prompt || r.operation))}-${r.taskId.slice(-8)}-${r.index + 1}.${extensions[r.mime] ?? 'img'}`,
  }));
}
