import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { galleryQuery } from '@genhub/core/schemas';
import { z } from 'zod';
import { inlineImages } from '../results/inline-images';
import { galleryOutput } from '../results/output-schemas';
import { describeImages, describeTask, resultsOf, summarizeTask } from '../results/summarize-task';
import type { ToolContext } from '../tool-context';
import { ToolInputError } from '../tool-input-error';
import { toolHandler } from './tool-handler';

const filters = galleryQuery.shape;

const instant = z
  .string()
  .min(1)
  .describe('A date or date and time, such as 2025-06-01 or 2025-06-01T12:00:00Z');

function epochMs(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || ms < 0) throw new ToolInputError(`${name} is not a date: "${text}"`);
  return ms;
}

export function registerSearchGalleryTool(server: McpServer, ctx: ToolContext) {
  server.registerTool(
    'search_gallery',
    {
      title: 'Search the gallery',
      description:
        "Finds earlier genhub tasks and their images in the caller's gallery, newest first: by " +
        'words of the prompt and by status, provider, model, operation, aspect ratio, date, ' +
        'plan, collection or star. Page on with `cursor`.',
      inputSchema: {
        query: filters.search.describe('Words the prompt must contain'),
        status: filters.status,
        provider: filters.provider,
        model: filters.model,
        operation: filters.operation,
        media: filters.media,
        aspectRatio: filters.aspectRatio,
        starred: filters.starred.describe('Only starred (true) or only unstarred (false)'),
        planId: filters.planId,
        collectionId: filters.collectionId,
        createdAfter: instant.optional(),
        createdBefore: instant.optional(),
        sort: filters.sort,
        limit: z.number().int().min(1).max(50).default(10).describe('Tasks per page'),
        cursor: z.string().min(1).optional().describe("The previous answer's nextCursor"),
        thumbnails: z
          .boolean()
          .default(false)
          .describe('Show a small picture of each result (true) or only link to them'),
      },
      outputSchema: galleryOutput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    toolHandler(async ({ query, createdAfter, createdBefore, thumbnails, ...rest }, { signal }) => {
      const filter = {
        ...rest,
        search: query,
        from: epochMs(createdAfter, 'createdAfter'),
        to: epochMs(createdBefore, 'createdBefore'),
      };
      const page = await ctx.client.trpc.generation.list.query(filter, { signal });
      const found = page.items.map((task) => ({ task, results: resultsOf(task, ctx.publicUrl) }));
      const shown = thumbnails
        ? await inlineImages(
            ctx,
            found.flatMap((f) => f.results),
            'thumbnail',
            signal,
          )
        : { blocks: [], notes: [] };
      const lines = found.flatMap(({ task, results }) => [
        describeTask(task),
        ...describeImages(results.map((r) => r.output)),
      ]);
      const text = [
        found.length === 0
          ? 'Nothing in the gallery matches.'
          : `${found.length} ${found.length === 1 ? 'task' : 'tasks'}:`,
        ...lines,
        ...shown.notes,
        ...(page.nextCursor ? [`More: call again with cursor "${page.nextCursor}".`] : []),
      ].join('\n');
      return {
        content: [{ type: 'text', text }, ...shown.blocks],
        structuredContent: {
          items: found.map(({ task, results }) => ({
            task: summarizeTask(task),
            images: results.map((r) => r.output),
          })),
          nextCursor: page.nextCursor,
        },
      };
    }),
  );
}
