import { z } from 'zod';

/**
 * The `data` of `GET /api/v1/veo/record-info`: `successFlag` 0 generating, 1 done, 2 failed,
 * 3 created but failed upstream. Its times are strings, unlike the Market's.
 */
export const veoRecordInfo = z.object({
  successFlag: z.number().int(),
  response: z.object({ resultUrls: z.array(z.string().min(1)).nullish() }).nullish(),
  errorCode: z.union([z.number(), z.string()]).nullish(),
  errorMessage: z.string().nullish(),
});
export type VeoRecordInfo = z.infer<typeof veoRecordInfo>;
