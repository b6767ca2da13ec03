import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { solidPng, startTestServer, type TestServer } from '../../server/test/test-server';
import { jsonLines, printed, runCli, startInTerminal, tempDir } from './cli-harness';

let server: TestServer;
let key: string;

beforeAll(async () => {
  server = await startTestServer();
  key = server.key ?? '';
});
afterAll(() => server.close());

const storedLogin = z.object({ url: z.string(), apiKey: z.string() }).strict();

describe('genhub login', () => {
  it('checks the key, stores it readable by its owner only, and later commands use it', async () => {
    const xdg = tempDir('xdg');
    const login = await runCli(['login', '--url', server.url, '--key', '-'], {
      env: { XDG_CONFIG_HOME: xdg },
      input: `${key}\n`,
    });
    expect(login.code, login.stderr).toBe(0);
    expect(jsonLines(login.stdout)[0]).toMatchObject({
      type: 'login',
      user: { email: 'admin@genhub.test' },
      scopes: ['read', 'generate', 'admin'],
    });
    const file = join(xdg, 'genhub', 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(storedLogin.parse(JSON.parse(readFileSync(file, 'utf8')))).toEqual({
      url: server.url,
      apiKey: key,
    });
    // No GENHUB_URL or GENHUB_API_KEY from here on: the stored login is used.
    const made = await runCli(['gen', 'stored login', '--no-download'], {
      env: { XDG_CONFIG_HOME: xdg },
    });
    expect(made.code, made.stderr).toBe(0);
    const listed = await runCli(['ls', '--limit', '5'], { env: { XDG_CONFIG_HOME: xdg } });
    expect(listed.code, listed.stderr).toBe(0);
    expect(jsonLines(listed.stdout).map((line) => line.task)).toContainEqual(
      expect.objectContaining({ prompt: 'stored login', status: 'completed' }),
    );

    const logout = await runCli(['logout'], { env: { XDG_CONFIG_HOME: xdg } });
    expect(logout.code).toBe(0);
    expect(existsSync(file)).toBe(false);
    const after = await runCli(['ls'], { env: { XDG_CONFIG_HOME: xdg } });
    expect(after.code).toBe(3);
    expect(after.stderr).toContain('Not logged in');
  });

  it('on a terminal asks for the URL and the key, without echoing the key', async () => {
    const dir = tempDir('asked');
    const cli = startInTerminal(['login', '--config-dir', dir], {});
    await printed(cli, 'genhub server URL [http://127.0.0.1:3000]: ');
    cli.child.stdin?.write(`${server.url}\r`);
    await printed(cli, 'API key (gh_…): ');
    cli.child.stdin?.write(`${key}\r`);
    const run = await cli.done;
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain(`Logged in to ${server.url} as Test admin <admin@genhub.test>`);
    expect(run.stdout).not.toContain(key);
    expect(storedLogin.parse(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')))).toEqual({
      url: server.url,
      apiKey: key,
    });
  });

  it('refuses a bad key with exit 3 and a clear message, and stores nothing', async () => {
    const dir = tempDir('bad-key');
    const login = await runCli(['login', '--config-dir', dir, '--url', server.url, '--key', '-'], {
      input: 'gh_not_a_real_key\n',
    });
    expect(login.code).toBe(3);
    expect(login.stdout).toBe('');
    expect(login.stderr).toContain(`${server.url} refused this API key`);
    expect(login.stderr).not.toContain('gh_not_a_real_key');
    expect(existsSync(join(dir, 'config.json'))).toBe(false);

    const viaEnv = await runCli(['ls'], {
      env: { GENHUB_URL: server.url, GENHUB_API_KEY: 'gh_not_a_real_key' },
    });
    expect(viaEnv.code).toBe(3);
    expect(viaEnv.stderr).toMatch(/refused the API key.*\(UNAUTHORIZED\)/);
  });

  it('says a damaged config file is damaged (exit 3), instead of reading it as logged out', async () => {
    const dir = tempDir('damaged');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), '{"url": 1}');
    const run = await runCli(['--config-dir', dir, 'ls']);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('is not valid; run `genhub login` again');
  });
});

describe('exit codes', () => {
  const env = () => ({ GENHUB_URL: server.url, GENHUB_API_KEY: key });

  it('an unknown task is 4', async () => {
    const run = await runCli(['get', '01nosuchtask0000000000000'], { env: env() });
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/does not exist \(NOT_FOUND\)/);
    expect((await runCli(['cancel', '01nosuchtask0000000000000'], { env: env() })).code).toBe(4);
  });

  it.each([
    [['gen', 'x', '-n', '9'], '--count'],
    [['gen', 'x', '--ar', '7:3'], "'7:3' is invalid"],
    [['gen', 'x', '--frobnicate'], "unknown option '--frobnicate'"],
    [['gen'], "missing required argument 'prompt'"],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['edit', '/no/such/image.png', 'x'], 'No such file: /no/such/image.png'],
    [['video', 'x', '--duration', '5'], "'5' is invalid"],
    [['gen', 'x', '--strength', '0.5'], 'does not take strength'],
  ])('bad flags are 2: %j', async (args, message) => {
    const run = await runCli(args, { env: env() });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('a server that is not there is 5', async () => {
    const run = await runCli(['ls'], {
      env: { GENHUB_URL: 'http://127.0.0.1:9', GENHUB_API_KEY: key },
    });
    expect(run.code).toBe(5);
    expect(run.stderr).toContain('Cannot reach the genhub server at http://127.0.0.1:9');
  });
});

describe('genhub plan run', () => {
  it('uploads the local reference, runs the plan and saves each variation by its task_id', async () => {
    const dir = tempDir('plan');
    writeFileSync(join(dir, 'fox.png'), await solidPng(640, 640, '#c04020'));
    const variation = (description: string) => ({
      description,
      keep_consistent: ['the fox'],
      change_elements: ['the season'],
    });
    const plan = {
      plan_id: 'cli-plan',
      batches: [
        {
          batch_id: 1,
          tasks: [
            {
              task_id: 'winter',
              reference_image: 'fox.png',
              variation_instruction: variation('in snow'),
            },
            {
              task_id: 'night',
              reference_image: 'fox.png',
              variation_instruction: variation('at night'),
            },
          ],
        },
      ],
    };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const out = join(dir, 'out');
    const run = await runCli(
      ['plan', 'run', join(dir, 'plan.json'), '--budget', '5', '--out', out],
      {
        env: { GENHUB_URL: server.url, GENHUB_API_KEY: key },
      },
    );
    expect(run.code, run.stderr).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.some((line) => line.type === 'progress')).toBe(true);
    const last = lines.at(-1);
    expect(last).toMatchObject({
      type: 'plan',
      plan: { externalId: 'cli-plan', status: 'completed', total: 2, counts: { completed: 2 } },
    });
    const files = z.array(z.string()).parse(last?.files);
    expect(files.toSorted()).toEqual([join(out, 'night-1.png'), join(out, 'winter-1.png')]);
    for (const file of files) expect(existsSync(file)).toBe(true);
  });

  it('a plan file that is not a plan is a usage error', async () => {
    const dir = tempDir('bad-plan');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ plan_id: 'x', batches: [] }));
    const run = await runCli(['plan', 'run', join(dir, 'plan.json')], {
      env: { GENHUB_URL: server.url, GENHUB_API_KEY: key },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('A plan needs at least one batch');
  });
});
