import { selectAssetRows, type DataSource, type Unit } from '@genhub/db';
import { CoreError } from '../errors';
import {
  isVideoOperation,
  operationRules,
  referenceLimit,
  type ModelCapabilities,
  type ValidCreateTaskInput,
} from '../schemas';
import type { ProviderRegistry } from '../providers/registry';
import { refuseRetiredModel } from '../providers/catalogue/refuse-retired-model';

/** Checks a request against what the chosen model declares; throws naming the field at fault. */
export function* validateCapabilities(
  data: DataSource,
  providers: ProviderRegistry,
  input: ValidCreateTaskInput,
  /** Reference images must be this user's own (any user's when absent). */
  owner?: string,
): Unit<ModelCapabilities> {
  const provider = providers.get(input.provider);
  if (!provider) {
    throw new CoreError(
      'INVALID_INPUT',
      `Unknown provider "${input.provider}"; choose one of ${providers.ids().join(', ')}`,
      'provider',
    );
  }
  if (!provider.configured) {
    throw new CoreError(
      'PROVIDER_NOT_CONFIGURED',
      `Provider "${provider.id}" is not configured${provider.hint ? `: ${provider.hint}` : ''}`,
      'provider',
    );
  }
  const modelId = input.model ?? provider.defaultModel;
  refuseRetiredModel(providers, provider, modelId, 'model');
  const model = provider.models.find((m) => m.id === modelId);
  if (!model) {
    throw new CoreError(
      'INVALID_INPUT',
      `Provider "${provider.id}" has no model "${modelId}"; choose one of ${provider.models
        .map((m) => m.id)
        .join(', ')}`,
      'model',
    );
  }
  const unsupported = (field: string, what: string, allowed: readonly (string | number)[]) =>
    new CoreError(
      'INVALID_INPUT',
      `${model.label} does not support ${what}; it accepts ${allowed.join(', ')}`,
      field,
    );
  if (!model.operations.includes(input.operation)) {
    throw unsupported('operation', `operation "${input.operation}"`, model.operations);
  }
  const rule = operationRules[input.operation];
  if (!rule.shapedByInput && !model.aspectRatios.includes(input.aspectRatio)) {
    throw unsupported('aspectRatio', `aspect ratio ${input.aspectRatio}`, model.aspectRatios);
  }
  const video = isVideoOperation(input.operation);
  if (!video && !model.outputFormats.includes(input.outputFormat)) {
    throw unsupported('outputFormat', `format ${input.outputFormat}`, model.outputFormats);
  }
  const videoMode = input.options?.videoMode ?? 'frames';
  if (video && !(model.videoModes ?? ['frames']).includes(videoMode)) {
    throw unsupported(
      'options.videoMode',
      `video mode "${videoMode}"`,
      model.videoModes ?? ['frames'],
    );
  }
  if (input.resolution !== undefined && !model.resolutions.includes(input.resolution)) {
    throw model.resolutions.length === 0
      ? new CoreError(
          'INVALID_INPUT',
          `${model.label} has one size; leave resolution out`,
          'resolution',
        )
      : unsupported('resolution', `resolution ${input.resolution}`, model.resolutions);
  }
  if (input.operation !== 'batch-edit' && input.count > model.maxImages) {
    throw new CoreError(
      'INVALID_INPUT',
      `${model.label} makes at most ${model.maxImages} image(s) per task`,
      'count',
    );
  }
  const assetIds = input.assetIds ?? [];
  // The operation's own limits were checked with the request; what is left is the model's.
  const { max } = referenceLimit(input.operation, input.options, model);
  if (assetIds.length > max) {
    throw new CoreError(
      'INVALID_INPUT',
      `${model.label} accepts at most ${max} reference image(s)`,
      'assetIds',
    );
  }
  if (assetIds.length > 0) {
    const found = new Set((yield* selectAssetRows(data, assetIds, owner)).map((a) => a.id));
    const missing = assetIds.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new CoreError(
        'INVALID_INPUT',
        `Unknown reference image(s): ${missing.join(', ')}; upload them first`,
        'assetIds',
      );
    }
  }
  return model;
}
