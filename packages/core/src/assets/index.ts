export { createAsset } from './create-asset';
export { loadReferences } from './load-references';
