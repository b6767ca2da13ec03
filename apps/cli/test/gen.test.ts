import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../../server/test/test-server';
import { jsonLines, pngSize, runCli, runInTerminal, tempDir } from './cli-harness';

const finishedLine = z.object({
  type: z.literal('task'),
  task: z.object({
    id: z.string(),
    status: z.literal('completed'),
    generations: z.array(z.object({ width: z.number(), height: z.number() })),
  }),
  files: z.array(z.string()),
});

let server: TestServer;
let env: Record<string, string>;

beforeAll(async () => {
  // Slow enough that the task is seen processing, and the spinner turns.
  server = await startTestServer({ LOCAL_PROVIDER_DELAY_MS: '1200' });
  env = { GENHUB_URL: server.url, GENHUB_API_KEY: server.key ?? '' };
});
afterAll(() => server.close());

describe('genhub gen', () => {
  it('on a terminal shows the task live, redrawn in place, and saves the images', async () => {
    const out = tempDir('tty');
    const run = await runInTerminal(
      ['gen', 'a red fox in snow', '-n', '2', '--ar', '16:9', '--out', out],
      env,
    );
    expect(run.code, run.stdout).toBe(0);
    const screen = run.stdout;
    // The progress row is rewritten where it stands: cursor up, clear the line.
    expect(screen).toContain('\x1b[1A');
    expect(screen).toContain('\x1b[2K');
    expect(screen).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] \S+ · generate · processing · attempt 1\/3/);
    expect(screen).toMatch(/✔ \S+ · generate · completed · attempt 1\/3 · local\/\S+ · 2 images/);
    // Nothing for machines on a terminal.
    expect(screen).not.toMatch(/^\{/m);
    const files = screen.match(/^\S+\.png(?=\r?$)/gm) ?? [];
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file.startsWith(out)).toBe(true);
      const size = pngSize(readFileSync(file));
      expect(size.width / size.height).toBeCloseTo(16 / 9, 1);
    }
  });

  it('piped prints one JSON object a line, ending with the finished task and its files', async () => {
    const out = tempDir('pipe');
    const run = await runCli(['gen', 'a lighthouse at dusk', '--seed', '7', '--out', out], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    const lines = jsonLines(run.stdout);
    const events = lines.filter((line) => line.type === 'event').map((line) => line.event);
    expect(events).toContain('started');
    expect(events.at(-1)).toBe('completed');
    const last = finishedLine.parse(lines.at(-1));
    expect(last.files).toHaveLength(1);
    expect(last.task.generations).toHaveLength(1);
    const [file = ''] = last.files;
    expect(existsSync(file)).toBe(true);
    expect(pngSize(readFileSync(file))).toEqual({ width: 1024, height: 1024 });
    // The task is the server's: `get` reads back the same one.
    const got = await runCli(['get', last.task.id, '--json'], { env });
    expect(got.code).toBe(0);
    expect(jsonLines(got.stdout)[0]).toMatchObject({ type: 'task', task: { id: last.task.id } });
  });

  it('edit uploads the image first, then edits it', async () => {
    const out = tempDir('edit');
    const first = await runCli(['gen', 'a red square', '--out', out], { env });
    const source = finishedLine.parse(jsonLines(first.stdout).at(-1)).files[0] ?? '';
    const run = await runCli(['edit', source, 'make it blue', '-n', '2', '--out', out], { env });
    expect(run.code, run.stderr).toBe(0);
    const last = finishedLine.parse(jsonLines(run.stdout).at(-1));
    expect(last.files).toHaveLength(2);
    expect(jsonLines(run.stdout).at(-1)).toMatchObject({
      task: { operation: 'edit', assetIds: [expect.any(String)] },
    });
  });
});
