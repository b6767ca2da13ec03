import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  CallToolResultSchema,
  type CallToolResult,
  type Progress,
} from '@modelcontextprotocol/sdk/types.js';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { solidPng, type TestServer } from './test-server';

export const mcpToolNames = ['edit', 'generate', 'get_task', 'run_plan', 'search_gallery'];

/** A tool's answer, parsed as the SDK's client sees it. */
export async function callTool(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  onprogress?: (progress: Progress) => void,
): Promise<CallToolResult> {
  const answer = await client.callTool({ name, arguments: args }, CallToolResultSchema, {
    ...(onprogress && { onprogress }),
    timeout: 30_000,
  });
  return CallToolResultSchema.parse(answer);
}

export const textOf = (result: CallToolResult) =>
  result.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n');

const image = z.object({
  id: z.string(),
  taskId: z.string(),
  url: z.url(),
  width: z.number(),
  height: z.number(),
  mime: z.string(),
  bytes: z.number(),
});
const taskAnswer = z.object({
  task: z.object({
    id: z.string(),
    status: z.string(),
    operation: z.string(),
    assetIds: z.array(z.string()),
  }),
  images: z.array(image),
});

/** The structured part of a generate, edit or get_task answer that succeeded. */
export function taskOf(result: CallToolResult) {
  expect(result.isError, textOf(result)).toBeFalsy();
  return taskAnswer.parse(result.structuredContent);
}

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The inline images of an answer, decoded: a real image each (sharp reads its header). */
export async function inlineImagesOf(result: CallToolResult) {
  const blocks = result.content.flatMap((block) => (block.type === 'image' ? [block] : []));
  return Promise.all(
    blocks.map(async (block) => {
      const bytes = Buffer.from(block.data, 'base64');
      const meta = await sharp(bytes).metadata();
      return { mimeType: block.mimeType, bytes, meta };
    }),
  );
}

/**
 * Every tool, one after another, through whichever transport `client()` speaks: what the
 * stdio and the HTTP tests both check. `server()` is the live server behind it.
 */
export function mcpToolScenario(client: () => Client, server: () => TestServer) {
  const made = { taskId: '', generationId: '', url: '' };

  it('lists the five tools, each with input and output schemas', async () => {
    const { tools } = await client().listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(mcpToolNames);
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe('object');
      expect(tool.outputSchema?.type, tool.name).toBe('object');
      expect(tool.description, tool.name).toBeTruthy();
    }
    const generate = tools.find((t) => t.name === 'generate');
    expect(generate?.inputSchema.required).toEqual(['prompt']);
    expect(Object.keys(generate?.inputSchema.properties ?? {})).toEqual(
      expect.arrayContaining(['prompt', 'aspectRatio', 'count', 'provider', 'model', 'references']),
    );
    const plan = tools.find((t) => t.name === 'run_plan')?.inputSchema.properties?.plan;
    expect(plan).toMatchObject({ type: 'object', required: ['plan_id', 'batches'] });
  });

  it('generates: a real PNG inline (scaled to 1024), a link to the full file, and progress', async () => {
    const progress: Progress[] = [];
    const result = await callTool(
      client(),
      'generate',
      { prompt: 'a lighthouse on a cliff at dusk', aspectRatio: '16:9' },
      (p) => progress.push(p),
    );
    const { task, images } = taskOf(result);
    expect(task).toMatchObject({ status: 'completed', operation: 'generate' });
    expect(images).toHaveLength(1);
    const [full] = images;
    if (!full) throw new Error('no image');
    made.taskId = task.id;
    made.generationId = full.id;
    made.url = full.url;

    const [inline] = await inlineImagesOf(result);
    expect(inline?.mimeType).toBe('image/png');
    expect(inline?.bytes.subarray(0, 8)).toEqual(pngSignature);
    // The PNG header's own size, and sharp's reading of the whole file, agree.
    const header = {
      width: inline?.bytes.readUInt32BE(16),
      height: inline?.bytes.readUInt32BE(20),
    };
    expect(header).toEqual({ width: inline?.meta.width, height: inline?.meta.height });
    const scale = Math.min(1, 1024 / Math.max(full.width, full.height));
    expect(Math.max(header.width ?? 0, header.height ?? 0)).toBe(
      Math.round(Math.max(full.width, full.height) * scale),
    );
    expect(Math.abs((header.height ?? 0) - full.height * scale)).toBeLessThanOrEqual(1);

    const link = result.content.find((block) => block.type === 'resource_link');
    expect(link).toMatchObject({ uri: full.url, mimeType: 'image/png' });
    const file = await fetch(full.url, {
      headers: { authorization: `Bearer ${server().key ?? ''}` },
    });
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBe(full.bytes);
    expect(textOf(result)).toContain(task.id);
    expect(progress.length).toBeGreaterThan(0);
  });

  it('gets the task with its image, and finds it in the gallery by a word of its prompt', async () => {
    const got = taskOf(await callTool(client(), 'get_task', { id: made.taskId }));
    expect(got.task).toMatchObject({ id: made.taskId, status: 'completed' });
    expect(got.images.map((i) => i.id)).toEqual([made.generationId]);

    const found = await callTool(client(), 'search_gallery', { query: 'lighthouse' });
    const page = z
      .object({ items: z.array(z.object({ task: z.object({ id: z.string() }) })) })
      .parse(found.structuredContent);
    expect(page.items.map((item) => item.task.id)).toContain(made.taskId);
    const thumbnails = await callTool(client(), 'search_gallery', {
      query: 'lighthouse',
      thumbnails: true,
    });
    expect((await inlineImagesOf(thumbnails)).length).toBeGreaterThan(0);
    const none = await callTool(client(), 'search_gallery', { query: 'submarine' });
    expect(none.structuredContent).toMatchObject({ items: [], nextCursor: null });
  });

  it('edits the generated image by its task id and its URL, and an image sent as base64', async () => {
    const byTask = taskOf(
      await callTool(client(), 'edit', { image: made.taskId, prompt: 'make it winter' }),
    );
    expect(byTask.task).toMatchObject({ status: 'completed', operation: 'edit' });
    expect(byTask.task.assetIds).toHaveLength(1);
    expect(byTask.images).toHaveLength(1);
    const byUrl = taskOf(
      await callTool(client(), 'edit', { image: made.url, prompt: 'make it autumn' }),
    );
    expect(byUrl.task).toMatchObject({ status: 'completed', operation: 'edit' });

    const png = await solidPng(320, 200, '#3a7');
    const sent = await callTool(client(), 'edit', {
      image: `data:image/png;base64,${png.toString('base64')}`,
      prompt: 'add a red balloon',
    });
    const bySent = taskOf(sent);
    expect(bySent.task.status).toBe('completed');
    expect((await inlineImagesOf(sent)).length).toBe(1);
  });

  it('runs a variation plan of the generated image within a budget', async () => {
    const result = await callTool(client(), 'run_plan', {
      plan: {
        plan_id: 'mcp-variations',
        batches: [
          {
            tasks: ['dawn', 'noon'].map((light) => ({
              task_id: `light-${light}`,
              reference_image: made.generationId,
              variation_instruction: {
                description: `the same lighthouse at ${light}`,
                keep_consistent: ['the lighthouse', 'the cliff'],
                change_elements: [`light: ${light}`],
              },
            })),
          },
        ],
      },
      budget: 10,
    });
    expect(result.isError, textOf(result)).toBeFalsy();
    const answer = z
      .object({
        plan: z.object({ status: z.string(), total: z.number() }),
        images: z.array(image),
      })
      .parse(result.structuredContent);
    expect(answer.plan).toMatchObject({ status: 'completed', total: 2 });
    expect(answer.images).toHaveLength(2);
  });

  it('answers a bad call with a readable error result, never a protocol error', async () => {
    const unknown = await callTool(client(), 'get_task', { id: 'no-such-task' });
    expect(unknown.isError).toBe(true);
    expect(textOf(unknown)).toMatch(/not found|does not exist/i);
    const badRatio = await callTool(client(), 'generate', { prompt: 'x', aspectRatio: '7:3' });
    expect(badRatio.isError).toBe(true);
    const badImage = await callTool(client(), 'edit', { image: 'no such image!', prompt: 'x' });
    expect(badImage.isError).toBe(true);
    expect(textOf(badImage)).toMatch(/Name an image/);
  });
}
