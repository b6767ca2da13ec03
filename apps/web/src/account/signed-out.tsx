import { useEffect, type ReactNode } from 'react';

/** A signed-out screen; on showing, it runs `forget` (cached data, the live connection). */
export function SignedOut({ forget, children }: { forget: () => void; children: ReactNode }) {
  useEffect(forget, [forget]);
  return children;
}
