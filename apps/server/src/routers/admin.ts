import { router } from '../trpc/init';

/** Everything only admins may do: users, the audit log, provider keys, quotas. */
export const adminRouter = router({});
