import type { inferRouterOutputs } from '@trpc/server';
import { createContext, useContext } from 'react';
import type { AppRouter } from '@genhub/api';

/** Who is signed in: their user, how they proved it, and what they may do. */
export type Viewer = NonNullable<inferRouterOutputs<AppRouter>['auth']['viewer']>;

export const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in viewer; null outside the auth gate. */
export const useViewer = (): Viewer | null => useContext(ViewerContext);
