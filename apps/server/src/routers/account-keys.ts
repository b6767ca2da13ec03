import { router } from '../trpc/init';

/** The caller's own API keys. */
export const accountKeysRouter = router({});
