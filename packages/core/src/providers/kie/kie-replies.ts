import { z } from 'zod';

/** Every KIE reply: `code` 200 on success; the text is `msg` in the schemas, `message` in prose. */
export const kieEnvelope = z.object({
  code: z.number().optional(),
  msg: z.string().nullish(),
  message: z.string().nullish(),
  /** The file upload host adds this. */
  success: z.boolean().optional(),
  data: z.unknown().optional(),
});

const taskIdFields = {
  taskId: z.string().min(1).optional(),
  task_id: z.string().min(1).optional(),
};

/** The `data` of an accepted generation request. */
export const kieCreatedTask = z
  .object(taskIdFields)
  .transform((data) => data.taskId ?? data.task_id)
  .pipe(z.string());

// A figure genhub cannot read is left out rather than refusing the whole reply.
const credits = z.number().nonnegative().nullish().catch(undefined);

/** The `data` of `recordInfo`. Unknown states are read as still running. */
export const kieRecordInfo = z.object({
  state: z.string(),
  /** A JSON string, filled on success only. */
  resultJson: z.string().nullish(),
  failCode: z.union([z.string(), z.number()]).nullish(),
  failMsg: z.string().nullish(),
  /** Not in the documented schema, though some replies carry it. */
  creditsConsumed: credits,
});

/** What `resultJson` holds for an image task. */
export const kieResultJson = z.object({ resultUrls: z.array(z.string().min(1)).min(1) });

/** A callback body: what genhub reads of it (the result itself is confirmed by polling). */
export const kieCallback = z.object({
  code: z.number().optional(),
  data: z
    .object({ ...taskIdFields, creditsConsumed: credits })
    .transform(({ taskId, task_id, creditsConsumed }) => ({
      taskId: taskId ?? task_id,
      creditsConsumed: creditsConsumed ?? undefined,
    })),
});

/** The `data` of a file upload. */
export const kieUploadedFile = z.object({ downloadUrl: z.url({ protocol: /^https?$/ }) });

/** The `data` of the credit query: the balance as a number. */
export const kieCredit = z.number();
