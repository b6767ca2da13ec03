/** Every fake provider, for tests outside this package (the browser e2e). */
export { startFakeKie, type FakeKie } from './fake-kie';
export { fakeKieVeo, type FakeKieVeo } from './fake-kie-veo';
export { startFakeOpenRouter } from './fake-openrouter';
export { startFakeGemini } from './fake-gemini';
export { startFakeFal } from './fake-fal';
export { startFakeReplicate } from './fake-replicate';
export { startFakeNanobanana } from './fake-nanobanana';
export { fakeProviderEnv, type AllFakes } from './fake-provider-env';
