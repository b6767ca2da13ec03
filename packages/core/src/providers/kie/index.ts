export { createKieAdapter, type KieOptions } from './kie-adapter';
export { kieError } from './kie-errors';
export { kieModels, kieCapabilities } from './kie-models';
export { verifyKieSignature, kieCallbackTaskId, kieSignatureToleranceSeconds } from './kie-webhook';
