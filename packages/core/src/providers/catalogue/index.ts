export {
  applyModelCatalogue,
  ModelCatalogueError,
  type ModelCatalogueOptions,
} from './apply-model-catalogue';
export { ModelCatalogue, type RetiredModel } from './model-catalogue';
export { modelLifecycle, type LifecycleTable, type ModelLifecycle } from './model-lifecycle';
export {
  formatEntryPath,
  modelOverride,
  modelsFileSchema,
  parseModelsFile,
  providerOverride,
  type ModelOverride,
  type ModelsFile,
} from './models-file';
export { readModelsFile } from './read-models-file';
export { refuseRetiredModel } from './refuse-retired-model';
