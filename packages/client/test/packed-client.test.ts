import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
// The workspace's TypeScript (the catalog's version): what is checked is the project's own
// node_modules, which holds only what npm installed there.
const tsc = join(createRequire(import.meta.url).resolve('typescript/package.json'), '../bin/tsc');

/** Ten lines a developer writes: a typed, finished image. */
const sample = `import { createGenhubClient } from '@genhub/client';

const genhub = createGenhubClient({ url: process.env.GENHUB_URL!, apiKey: process.env.GENHUB_API_KEY! });
try {
  const task = await genhub.generate({ prompt: 'a lighthouse at dusk', aspectRatio: '16:9' });
  const image = task.generations[0]!;
  const width: number = image.width;
  await genhub.download(image, 'lighthouse.png');
  console.log(JSON.stringify({ id: task.id, status: task.status, width, mime: image.mime }));
} finally {
  await genhub.close();
}
`;

/** Mistakes the types must catch: if they were \`any\`, this would compile. */
const mistakes = `import { createGenhubClient } from '@genhub/client';

const genhub = createGenhubClient({ url: 'http://127.0.0.1:1', apiKey: 'gh_x' });
const task = await genhub.generate({ prompt: 'x', aspectRatio: '7:3' });
const width: string = task.generations[0]!.width;
await genhub.trpc.task.get.query({ taskId: task.id });
console.log(width);
`;

const baseOptions = { strict: true, target: 'ES2022', skipLibCheck: true, types: ['node'] };
const configs = {
  'tsconfig.json': { module: 'NodeNext', moduleResolution: 'NodeNext', outDir: 'out' },
  'tsconfig.bundler.json': { module: 'ESNext', moduleResolution: 'Bundler', noEmit: true },
  // Every declaration file checked too.
  'tsconfig.libcheck.json': {
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    noEmit: true,
    skipLibCheck: false,
  },
};
type Config = keyof typeof configs;

/** The catalog's TypeScript, and the one npm installed in the project (tRPC's peer). */
const compilers = (dir: string) => ({
  catalog: tsc,
  project: join(dir, 'node_modules/typescript/bin/tsc'),
});

async function typecheck(dir: string, compiler: string, config: Config, file: string) {
  const project = join(dir, `${file}.${config}`);
  writeFileSync(project, JSON.stringify({ extends: `./${config}`, files: [file] }));
  const started = performance.now();
  const result = await run(process.execPath, [compiler, '-p', project], { cwd: dir }).then(
    () => ({ ok: true, output: '' }),
    (error: { stdout: string }) => ({ ok: false, output: error.stdout }),
  );
  return { ...result, ms: Math.round(performance.now() - started) };
}

function npmInstall(dir: string, ...packages: string[]) {
  return run('npm', ['install', ...packages, '--no-audit', '--no-fund', '--no-package-lock'], {
    cwd: dir,
  });
}

describe('the packed client, installed with npm outside the workspace', () => {
  let dir: string;
  let tarball: string;

  beforeAll(async () => {
    if (!existsSync(join(packageDir, 'dist/index.d.ts'))) {
      throw new Error('The client is not built: run `pnpm --filter @genhub/client build` first');
    }
    dir = mkdtempSync(join(tmpdir(), 'genhub-client-sample-'));
    const { stdout } = await run('pnpm', ['pack', '--pack-destination', dir], { cwd: packageDir });
    tarball = stdout.trim().split('\n').at(-1) ?? '';
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'genhub-client-sample', private: true, type: 'module' }),
    );
    for (const [name, options] of Object.entries(configs)) {
      writeFileSync(
        join(dir, name),
        JSON.stringify({ compilerOptions: { ...baseOptions, ...options } }),
      );
    }
    writeFileSync(join(dir, 'sample.ts'), sample);
    writeFileSync(join(dir, 'mistakes.ts'), mistakes);
    await npmInstall(dir, tarball, '@types/node@20.19.43');
  }, 240_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is a small tarball whose types name no workspace package', () => {
    const installed = join(dir, 'node_modules/@genhub/client');
    const declarations = readFileSync(join(installed, 'dist/index.d.ts'), 'utf8');
    const imports = [...declarations.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.filter((id) => id?.startsWith('@genhub/'))).toEqual([]);
    expect(declarations).not.toMatch(/['"]@genhub\//);
    const size = statSync(tarball).size;
    console.log(`tarball ${tarball}: ${size} bytes`);
    expect(size).toBeLessThan(200_000);
  });

  it('type-checks the sample under NodeNext and Bundler, with either TypeScript', async () => {
    const project = JSON.parse(
      readFileSync(join(dir, 'node_modules/typescript/package.json'), 'utf8'),
    ) as { version: string };
    for (const [name, compiler] of Object.entries(compilers(dir))) {
      for (const config of ['tsconfig.json', 'tsconfig.bundler.json'] as const) {
        const checked = await typecheck(dir, compiler, config, 'sample.ts');
        const version = name === 'project' ? project.version : 'catalog';
        console.log(`tsc (${version}) ${config} on the sample: ${checked.ms} ms`);
        expect(checked.output).toBe('');
        expect(checked.ok).toBe(true);
      }
    }
  }, 180_000);

  it('refuses the mistakes, so the types are not any', async () => {
    for (const compiler of Object.values(compilers(dir))) {
      for (const config of ['tsconfig.json', 'tsconfig.bundler.json'] as const) {
        const checked = await typecheck(dir, compiler, config, 'mistakes.ts');
        expect(checked.ok).toBe(false);
        expect(checked.output).toMatch(/mistakes\.ts\(4,\d+\): error TS2322: Type '"7:3"'/);
        expect(checked.output).toMatch(/mistakes\.ts\(5,\d+\): error TS2322: Type 'number'/);
        expect(checked.output).toMatch(/mistakes\.ts\(6,\d+\): error TS2353: .*'taskId'/);
      }
    }
  }, 180_000);

  it('has declarations that check clean with skipLibCheck off', async () => {
    const checked = await typecheck(
      dir,
      compilers(dir).project,
      'tsconfig.libcheck.json',
      'sample.ts',
    );
    // tRPC's own WebSocket adapter types need `ws`'s and fail this check anyway; ours must not.
    const errors = checked.output.split('\n').filter((line) => /\(\d+,\d+\): error/.test(line));
    expect(errors.filter((line) => !line.startsWith('node_modules/@trpc/'))).toEqual([]);
  }, 180_000);

  it('runs the sample on Node against a live server and gets a finished image', async () => {
    const built = join(dir, 'out/sample.js');
    expect(existsSync(built)).toBe(true);
    const { url, key } = inject('fast');
    const { stdout } = await run(process.execPath, [built], {
      cwd: dir,
      env: { ...process.env, GENHUB_URL: url, GENHUB_API_KEY: key },
      timeout: 60_000,
    });
    expect(JSON.parse(stdout.trim())).toMatchObject({
      status: 'completed',
      width: 1344,
      mime: 'image/png',
    });
    const png = readFileSync(join(dir, 'lighthouse.png'));
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  }, 90_000);

  it('bundles for the browser, with no Node module in it', async () => {
    writeFileSync(
      join(dir, 'browser.js'),
      "import { createGenhubClient } from '@genhub/client';\nexport const make = createGenhubClient;\n",
    );
    const result = await build({
      absWorkingDir: dir,
      entryPoints: ['browser.js'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).toContain('createWSClient');
    expect(code).not.toMatch(/from ['"](node:|ws['"])/);
  });

  it('loads with require() too', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        '-e',
        "const c = require('@genhub/client'); console.log(typeof c.createGenhubClient, typeof c.verifyWebhook)",
      ],
      { cwd: dir },
    );
    expect(stdout.trim()).toBe('function function');
  });
});
