import { modelCapabilities, type ModelCapabilities } from '../../schemas';
import type { ProviderAdapter } from '../types';
import { ModelCatalogue, type RetiredModel } from './model-catalogue';
import { modelLifecycle, type LifecycleTable, type ModelLifecycle } from './model-lifecycle';
import { modelLifecycleNotice } from './model-lifecycle-notice';
import { formatEntryPath, type ModelsFile, type ModelOverride } from './models-file';

/** A models file that cannot be applied to the providers there are. */
export class ModelCatalogueError extends Error {
  override readonly name = 'ModelCatalogueError';
}

export interface ModelCatalogueOptions {
  /** Additions and overrides read from `MODELS_FILE`. */
  file?: ModelsFile | null;
  /** The built-in lifecycle table unless a test gives another. */
  lifecycle?: LifecycleTable;
  /** The clock retirement dates are read against, now and while the server runs. */
  now: () => number;
}

interface Entry {
  id: string;
  /** Null for a retired id the adapter no longer lists: only its lifecycle is known. */
  capabilities: ModelCapabilities | null;
  life: ModelLifecycle;
  /** The models file named its replacement, so one that leads nowhere is an error there. */
  strict: boolean;
}

/** Merges one models-file entry into what the provider has, or throws naming the entry. */
function applyOverride(
  entries: Map<string, Entry>,
  id: string,
  override: ModelOverride,
  where: string,
): Entry {
  const { like, status, retiresOn, replacement, ...fields } = override;
  const existing = entries.get(id);
  if (like !== undefined && existing) {
    throw new ModelCatalogueError(`${where}: "like" is for new models; "${id}" exists already`);
  }
  const copied = like === undefined ? undefined : entries.get(like)?.capabilities;
  if (like !== undefined && !copied) {
    throw new ModelCatalogueError(`${where}: like "${like}", which this provider does not offer`);
  }
  const base = existing?.capabilities ?? (copied ? { ...copied, label: id } : { label: id });
  const life: ModelLifecycle = {
    status: status ?? existing?.life.status ?? 'current',
    retiresOn: retiresOn !== undefined ? retiresOn : (existing?.life.retiresOn ?? null),
    replacement: replacement !== undefined ? replacement : (existing?.life.replacement ?? null),
  };
  const merged = { ...base, ...fields, id };
  const parsed = modelCapabilities.safeParse(merged);
  if (!parsed.success && (existing?.capabilities || life.status !== 'retired')) {
    const problems = parsed.error.issues.map(
      (issue) => `${formatEntryPath(issue.path) || 'model'}: ${issue.message}`,
    );
    throw new ModelCatalogueError(
      `${where}: ${existing?.capabilities ? '' : 'a new model needs "like" or all of its capabilities; '}${problems.join('; ')}`,
    );
  }
  return {
    id,
    capabilities: parsed.success ? parsed.data : null,
    life,
    strict: Boolean(life.replacement) && (replacement !== undefined || Boolean(existing?.strict)),
  };
}

/**
 * The model to point users at instead of `entry`: its replacement, followed while that is
 * itself deprecated or retired, to an offered model that is current or names no successor.
 * `undefined` when the chain runs into a loop or an id the provider does not offer.
 */
function resolveReplacement(
  entries: ReadonlyMap<string, Entry>,
  offered: ReadonlySet<string>,
  entry: Entry,
): string | null | undefined {
  if (entry.life.replacement === null) return null;
  const seen = new Set([entry.id]);
  let next: string | null = entry.life.replacement;
  while (next !== null) {
    const successor = entries.get(next);
    if (!successor || seen.has(next)) return undefined;
    seen.add(next);
    const { status, replacement } = successor.life;
    if (offered.has(next) && (status === 'current' || replacement === null)) return next;
    next = replacement;
  }
  return undefined;
}

/**
 * Builds one provider's catalogue: its models with their lifecycle, the models file applied,
 * retired ones set apart. Replaces `adapter.models` (the built-in lists are shared constants,
 * so never changed in place) and, where the file says or the default retired, its default.
 */
function catalogueProvider(
  adapter: ProviderAdapter,
  table: Readonly<Record<string, ModelLifecycle>>,
  file: ModelsFile | null | undefined,
  now: number,
): Map<string, RetiredModel> {
  const at = (...path: string[]) => `${file?.source}: ${formatEntryPath([adapter.id, ...path])}`;
  const entries = new Map<string, Entry>();
  for (const model of adapter.models) {
    const life: ModelLifecycle = table[model.id] ?? {
      status: model.status ?? 'current',
      retiresOn: model.retiresOn ?? null,
      replacement: model.replacement ?? null,
    };
    entries.set(model.id, { id: model.id, capabilities: model, life, strict: false });
  }
  for (const [id, life] of Object.entries(table)) {
    if (!entries.has(id) && life.status === 'retired') {
      entries.set(id, { id, capabilities: null, life, strict: false });
    }
  }
  const overrides = file?.providers[adapter.id];
  for (const [id, override] of Object.entries(overrides?.models ?? {})) {
    entries.set(id, applyOverride(entries, id, override, at('models', id)));
  }

  const isOffered = (e: Entry) =>
    e.capabilities !== null && modelLifecycleNotice(e.life, now)?.kind !== 'retired';
  const offered = new Set([...entries.values()].filter(isOffered).map((e) => e.id));
  const replacementOf = (entry: Entry): string | null => {
    const resolved = resolveReplacement(entries, offered, entry);
    if (resolved !== undefined) return resolved;
    if (entry.strict) {
      throw new ModelCatalogueError(
        `${at('models', entry.id, 'replacement')}: "${entry.life.replacement}" leads to no model ${adapter.label} offers`,
      );
    }
    // A built-in successor this adapter does not list (yet): say nothing rather than mislead.
    return null;
  };

  const models: ModelCapabilities[] = [];
  const retired = new Map<string, RetiredModel>();
  for (const entry of entries.values()) {
    const replacement = replacementOf(entry);
    if (entry.capabilities && offered.has(entry.id)) {
      models.push({ ...entry.capabilities, ...entry.life, replacement });
    } else {
      retired.set(entry.id, { id: entry.id, retiresOn: entry.life.retiresOn, replacement });
    }
  }

  const chosen = overrides?.defaultModel;
  if (chosen !== undefined && !offered.has(chosen)) {
    throw new ModelCatalogueError(
      `${at('defaultModel')}: "${chosen}" is not a model ${adapter.label} offers`,
    );
  }
  const fallback = retired.get(adapter.defaultModel)?.replacement ?? models[0]?.id;
  adapter.models = models;
  adapter.defaultModel =
    chosen ??
    (offered.has(adapter.defaultModel) ? adapter.defaultModel : (fallback ?? adapter.defaultModel));
  return retired;
}

/**
 * Turns the providers' model lists into the catalogue: lifecycle facts from the built-in
 * table, additions and overrides from the models file, retired ids taken out of the offer
 * but kept to name their replacement. Throws a `ModelCatalogueError` naming the file and
 * entry for a models file that does not fit the providers.
 */
export function applyModelCatalogue(
  adapters: ProviderAdapter[],
  options: ModelCatalogueOptions,
): ModelCatalogue {
  const { file, lifecycle = modelLifecycle, now } = options;
  const known = new Set(adapters.map((a) => a.id));
  for (const id of Object.keys(file?.providers ?? {})) {
    if (!known.has(id)) {
      throw new ModelCatalogueError(
        `${file?.source}: ${formatEntryPath([id])}: no such provider; there are ${[...known].join(', ')}`,
      );
    }
  }
  const today = now();
  const retired = new Map(
    adapters.map((a) => [a.id, catalogueProvider(a, lifecycle[a.id] ?? {}, file, today)] as const),
  );
  return new ModelCatalogue(retired, now);
}
