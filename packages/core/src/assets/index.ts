export { createAsset } from './create-asset';
export { loadReferences } from './load-references';
export { signAssetUrl, verifyAssetSignature, signedUrlLifetimeMs } from './signed-asset-url';
export { findAsset } from './find-asset';
