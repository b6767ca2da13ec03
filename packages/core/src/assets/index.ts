export { createAsset } from './create-asset';
export { loadReferences } from './load-references';
export { signAssetUrl, verifyAssetSignature, signedUrlLifetimeMs } from './signed-asset-url';
export { findAsset, findAssets } from './find-asset';
export { assetFromGeneration } from './asset-from-generation';
