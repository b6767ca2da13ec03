import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import type { ModelCapabilities } from '../schemas';
import { refuseRetiredModel } from '../providers/catalogue/refuse-retired-model';

export interface PlanTarget {
  provider: string;
  model: ModelCapabilities;
}

/**
 * Where a plan runs: the provider and model the request names; else the configured provider
 * that offers `api_config.model`; else the local provider. The model must be able to edit.
 */
export function choosePlanTarget(
  ctx: CoreContext,
  request: {
    provider?: string | undefined;
    model?: string | undefined;
    /** The plan's `api_config.model`. */
    planModel?: string | undefined;
  },
): PlanTarget {
  const wanted = request.model ?? (request.provider ? undefined : request.planModel);
  const field = request.model ? 'model' : 'plan.api_config.model';
  let providerId = request.provider;
  if (!providerId && wanted) {
    const offering = ctx.providers.all().filter((p) => p.models.some((m) => m.id === wanted));
    if (offering.length === 0) {
      for (const p of ctx.providers.all()) refuseRetiredModel(ctx.providers, p, wanted, field);
    }
    const configured = offering.find((p) => p.configured);
    if (!configured) {
      const hint = offering[0];
      throw new CoreError(
        'INVALID_INPUT',
        hint
          ? `${wanted} is offered by ${hint.label}, which is not configured${hint.hint ? ` (${hint.hint})` : ''}; or choose a provider for the plan`
          : `No provider offers the model "${wanted}"; choose a provider for the plan`,
        'plan.api_config.model',
      );
    }
    providerId = configured.id;
  }
  const provider = ctx.providers.get(providerId ?? 'local');
  if (!provider) {
    throw new CoreError('INVALID_INPUT', `Unknown provider "${providerId}"`, 'provider');
  }
  if (!provider.configured) {
    throw new CoreError(
      'PROVIDER_NOT_CONFIGURED',
      `Provider "${provider.id}" is not configured${provider.hint ? `: ${provider.hint}` : ''}`,
      'provider',
    );
  }
  // A seed's api_config.model names an OpenRouter model; with another provider chosen, its
  // own model applies unless the request names one.
  const modelId =
    request.model ??
    (provider.models.some((m) => m.id === request.planModel) ? request.planModel : undefined);
  if (modelId) refuseRetiredModel(ctx.providers, provider, modelId, field);
  const editors = provider.models.filter((m) => m.operations.includes('edit'));
  const model = modelId
    ? provider.models.find((m) => m.id === modelId)
    : (editors.find((m) => m.id === provider.defaultModel) ?? editors[0]);
  if (!model) {
    throw new CoreError(
      'INVALID_INPUT',
      `${provider.label} has no model "${modelId}"`,
      request.model ? 'model' : 'plan.api_config.model',
    );
  }
  if (!model.operations.includes('edit')) {
    throw new CoreError(
      'INVALID_INPUT',
      `${model.label} cannot edit images, which a variation plan needs`,
      request.model ? 'model' : 'provider',
    );
  }
  return { provider: provider.id, model };
}
