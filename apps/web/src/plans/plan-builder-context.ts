import { createContext, useContext } from 'react';

/** An image the plan builder starts from: an upload or a generation, by id. */
export interface PlanReference {
  id: string;
  thumbUrl: string;
}

export const PlanBuilderContext = createContext<(reference?: PlanReference) => void>(() => {});

/** Opens the variation plan builder ("Make variations"), optionally from an image. */
export const useOpenPlanBuilder = () => useContext(PlanBuilderContext);
