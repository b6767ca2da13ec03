import { kieNanoBananaModels } from './kie-nano-banana-models';
import type { KieMarketModel } from './kie-market-model';
import { kieSeedreamModels } from './kie-seedream-models';

/** Every model genhub offers through KIE's Market jobs API (`createTask`). */
export const kieMarketModels: KieMarketModel[] = [...kieNanoBananaModels, ...kieSeedreamModels];
