import { z } from 'zod';
import { modelCapabilities } from '../../schemas';

/**
 * One model in a models file: the fields to change on a model the provider offers, or a new
 * model, given whole or `like` an offered one (whose capabilities it copies).
 */
export const modelOverride = z.strictObject({
  ...modelCapabilities.omit({ id: true }).partial().shape,
  /** A model of the same provider to copy capabilities and price from. */
  like: z.string().min(1).optional(),
});
export type ModelOverride = z.infer<typeof modelOverride>;

export const providerOverride = z.strictObject({
  defaultModel: z.string().min(1).optional(),
  /** By model id. */
  models: z.record(z.string().min(1), modelOverride).default({}),
});

/** By provider id. */
export const modelsFileSchema = z.record(z.string().min(1), providerOverride);

export interface ModelsFile {
  /** Where it was read from, for error messages. */
  source: string;
  providers: z.infer<typeof modelsFileSchema>;
}

/** `gemini.models["gemini-3-pro-image"].price`: a JSON path as a reader would write it. */
export function formatEntryPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      if (/^[A-Za-z_$][\w$]*$/.test(name)) return i === 0 ? name : `.${name}`;
      return `[${JSON.stringify(name)}]`;
    })
    .join('');
}

/** Parses a models file's text; throws one message naming the file and every bad entry. */
export function parseModelsFile(text: string, source: string): ModelsFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = modelsFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${formatEntryPath(issue.path) || '(top level)'}: ${issue.message}`,
    );
    throw new Error(`${source}: ${problems.join('; ')}`);
  }
  return { source, providers: parsed.data };
}
