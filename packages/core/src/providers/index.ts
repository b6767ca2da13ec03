export { ProviderRegistry } from './registry';
export {
  ProviderError,
  type AsyncAdapter,
  type JobState,
  type SyncAdapter,
  type ProviderAdapter,
  type GenerateRequest,
  type GenerateResult,
  type ReferenceImage,
  type WebhookCall,
  type Charge,
} from './types';
export { createLocalAdapter, type LocalAdapterOptions } from './local/local-adapter';
export { errorClassForStatus, parseRetryAfter } from './error-class-for-status';
export { renderPromptImage, type RenderSpec } from './local/render-prompt-image';
export {
  configurePixelWorkers,
  closePixelWorkers,
  defaultPixelWorkerOptions,
  type PixelWorkerOptions,
} from './local/pixel-workers';
export * from './kie';
export { RateLimiter } from './rate-limiter';
export {
  createOpenRouterAdapter,
  openRouterModels,
  type OpenRouterOptions,
} from './openrouter/openrouter-adapter';
export { createGeminiAdapter, geminiModels, type GeminiOptions } from './gemini/gemini-adapter';
export {
  createReplicateAdapter,
  replicateModels,
  type ReplicateOptions,
} from './replicate/replicate-adapter';
export { verifyStandardWebhook, signStandardWebhook } from './replicate/standard-webhooks';
export { createFalAdapter, falModels, type FalOptions } from './fal/fal-adapter';
export { FalJwks, falSignedMessage, verifyFalWebhook } from './fal/fal-webhook';
export {
  createNanobananaAdapter,
  nanobananaModels,
  type NanobananaOptions,
} from './nanobanana/nanobanana-adapter';
export { applyPriceOverrides, parsePriceOverrides, type PriceOverride } from './price-overrides';
export * from './catalogue';
