export { createKieAdapter, type KieOptions } from './kie-adapter';
export { kieError } from './kie-errors';
export { kieMarketModels } from './kie-models';
export type { KieMarketModel } from './kie-market-model';
export { kieCreateLimit } from './kie-client';
export { verifyKieSignature, readKieCallback, kieSignatureToleranceSeconds } from './kie-webhook';
