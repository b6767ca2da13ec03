import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { variationPlan, type VariationPlan } from '@genhub/core/schemas';
import { usageError } from './cli-error';
import { readInputFile, type InputFile } from './read-input-file';

export interface PlanFile {
  plan: VariationPlan;
  /** Local images the plan names, by the `reference_image` text that names them. */
  images: Map<string, InputFile>;
}

/**
 * A seed-004 variation plan from disk, checked before anything is sent. A `reference_image`
 * that is a file (relative to the plan file) is read, to be uploaded in its place.
 */
export async function readPlanFile(path: string): Promise<PlanFile> {
  const file = await readInputFile(path);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(file.bytes));
  } catch (error) {
    throw usageError(
      `${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = variationPlan.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw usageError(
      `${path}: ${issue?.path.join('.') || 'plan'}: ${issue?.message ?? 'invalid plan'}`,
    );
  }
  const images = new Map<string, InputFile>();
  for (const batch of parsed.data.batches) {
    for (const item of batch.tasks) {
      const name = item.reference_image;
      const local = isAbsolute(name) ? name : resolve(dirname(path), name);
      if (!images.has(name) && existsSync(local)) images.set(name, await readInputFile(local));
    }
  }
  return { plan: parsed.data, images };
}

/** The plan with each local image's name replaced by its uploaded asset's id. */
export function withAssetIds(plan: VariationPlan, assetIds: Map<string, string>): VariationPlan {
  return {
    ...plan,
    batches: plan.batches.map((batch) => ({
      ...batch,
      tasks: batch.tasks.map((item) => ({
        ...item,
        reference_image: assetIds.get(item.reference_image) ?? item.reference_image,
      })),
    })),
  };
}
