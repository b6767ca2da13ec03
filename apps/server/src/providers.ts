import {
  createKieAdapter,
  createLocalAdapter,
  defaultDownloadPolicy,
  defaultVideoDownloadPolicy,
  downloadImage,
  downloadVideo as downloadVideoStream,
  createFalAdapter,
  createGeminiAdapter,
  createNanobananaAdapter,
  createOpenRouterAdapter,
  createReplicateAdapter,
  ProviderRegistry,
  applyPriceOverrides,
  applyModelCatalogue,
  ModelCatalogueError,
  signAssetUrl,
  type ModelCatalogue,
  type ProviderAdapter,
  type ReferenceImage,
} from '@genhub/core';
import { EnvError, type Env } from './env';

/**
 * Every secret the server holds, for the scrubber that keeps them out of stored errors,
 * pushed events and logs: provider keys and tokens, webhook secrets, the signing secret.
 */
export function configuredSecrets(
  env: Env,
  signingSecret: Buffer,
): (string | Buffer | undefined)[] {
  return [
    env.KIE_API_KEY,
    env.OPENROUTER_API_KEY,
    env.GEMINI_API_KEY,
    env.FAL_KEY,
    env.REPLICATE_API_TOKEN,
    env.NANOBANANA_API_KEY,
    env.KIE_WEBHOOK_HMAC_KEY,
    env.REPLICATE_WEBHOOK_SECRET,
    env.SECRET_KEY,
    env.S3_SECRET_ACCESS_KEY,
    env.METRICS_TOKEN,
    signingSecret,
  ];
}

/** Every provider, configured from the environment (keys stay here, on the server). */
export function createProviders(
  env: Env,
  assetSecret: Buffer,
  now: () => number,
): ProviderRegistry {
  const policy = { ...defaultDownloadPolicy, allowHosts: new Set(env.INGEST_ALLOW_HOSTS) };
  const publicBase = env.PUBLIC_BASE_URL?.replace(/\/$/, '');
  const download = (url: string, signal: AbortSignal) => downloadImage(url, policy, signal);
  const videoPolicy = {
    ...defaultVideoDownloadPolicy,
    allowHosts: policy.allowHosts,
    maxBytes: env.MAX_VIDEO_BYTES,
  };
  const downloadVideo = (url: string, signal: AbortSignal) =>
    downloadVideoStream(url, videoPolicy, signal);
  const referenceUrl = publicBase
    ? (reference: ReferenceImage) => signAssetUrl(assetSecret, publicBase, reference.assetId, now())
    : undefined;
  const adapters = [
    createLocalAdapter({
      delayMs: env.LOCAL_PROVIDER_DELAY_MS,
      failureRate: env.LOCAL_PROVIDER_FAILURE_RATE,
      maxPixels: env.MAX_IMAGE_PIXELS,
    }),
    createKieAdapter({
      apiKey: env.KIE_API_KEY,
      baseUrl: env.KIE_BASE_URL,
      uploadBaseUrl: env.KIE_UPLOAD_BASE_URL,
      download,
      downloadVideo,
      webhookHmacKey: env.KIE_WEBHOOK_HMAC_KEY,
      referenceUrl,
    }),
    createOpenRouterAdapter({
      apiKey: env.OPENROUTER_API_KEY,
      baseUrl: env.OPENROUTER_BASE_URL,
      appUrl: env.OPENROUTER_SITE_URL ?? publicBase,
      appTitle: env.OPENROUTER_APP_NAME,
    }),
    createGeminiAdapter({ apiKey: env.GEMINI_API_KEY, baseUrl: env.GEMINI_BASE_URL }),
    createFalAdapter({
      key: env.FAL_KEY,
      queueBaseUrl: env.FAL_QUEUE_BASE_URL,
      restBaseUrl: env.FAL_REST_BASE_URL,
      jwksUrl: env.FAL_JWKS_URL,
      download,
      referenceUrl,
    }),
    createReplicateAdapter({
      apiToken: env.REPLICATE_API_TOKEN,
      baseUrl: env.REPLICATE_BASE_URL,
      webhookSecret: env.REPLICATE_WEBHOOK_SECRET,
      download,
      referenceUrl,
    }),
    createNanobananaAdapter({
      apiKey: env.NANOBANANA_API_KEY,
      baseUrl: env.NANOBANANA_BASE_URL,
      download,
      referenceUrl,
    }),
  ];
  applyPriceOverrides(adapters, env.PRICE_OVERRIDES);
  return new ProviderRegistry(adapters, catalogueOf(adapters, env, now));
}

/** The model catalogue; a models file that does not fit the providers is a configuration error. */
function catalogueOf(adapters: ProviderAdapter[], env: Env, now: () => number): ModelCatalogue {
  try {
    return applyModelCatalogue(adapters, { file: env.MODELS_FILE, now });
  } catch (error) {
    if (error instanceof ModelCatalogueError) {
      throw new EnvError(`Invalid configuration:\n  MODELS_FILE: ${error.message}`);
    }
    throw error;
  }
}
