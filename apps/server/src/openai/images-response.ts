import type { CoreContext, Task } from '@genhub/core';
import { OpenAiError } from './openai-error';
import { readGenerationFiles } from './read-generation-files';

export type ResponseFormat = 'b64_json' | 'url';

export interface ImagesResponse {
  /** Unix seconds, when the task was accepted. */
  created: number;
  data: ({ b64_json: string } | { url: string })[];
  output_format: string;
}

/**
 * A completed task's images as OpenAI answers them: base64 in the body, or links that work
 * without a key for an hour (`linkTo` signs one).
 */
export async function imagesResponse(
  core: CoreContext,
  task: Task,
  format: ResponseFormat,
  linkTo: (generationId: string) => string,
): Promise<ImagesResponse> {
  const files = await readGenerationFiles(core, { taskId: task.id });
  if (files.length === 0) {
    throw new OpenAiError(
      502,
      'server_error',
      'no_image',
      `Task ${task.id} completed without an image`,
    );
  }
  const data = await Promise.all(
    files.map(async ({ id, file }) =>
      format === 'url'
        ? { url: linkTo(id) }
        : { b64_json: (await core.storage.get(file)).toString('base64') },
    ),
  );
  return { created: Math.floor(task.createdAt / 1000), data, output_format: task.outputFormat };
}
