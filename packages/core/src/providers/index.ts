export { ProviderRegistry } from './registry';
export {
  ProviderError,
  type ProviderAdapter,
  type GenerateRequest,
  type GenerateResult,
  type ReferenceImage,
} from './types';
export { createLocalAdapter, type LocalAdapterOptions } from './local/local-adapter';
