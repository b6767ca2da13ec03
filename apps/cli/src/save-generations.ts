import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Task } from '@genhub/client';
import type { GenhubClient } from './connect';

const extensions: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
};

/** Downloads a task's images (or clip) into `dir` as `<stem>-1.png`, …; returns the paths. */
export async function saveGenerations(
  client: GenhubClient,
  task: Task,
  dir: string,
  stem: string = task.id,
): Promise<string[]> {
  if (task.generations.length === 0) return [];
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (const [index, generation] of task.generations.entries()) {
    const path = join(dir, `${stem}-${index + 1}.${extensions[generation.mime] ?? 'bin'}`);
    await client.download(generation, path);
    paths.push(path);
  }
  return paths;
}
