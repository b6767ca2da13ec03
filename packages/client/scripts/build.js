// Builds the publishable client: dist/index.js (ESM) and dist/index.cjs with workspace code
// bundled and the package's own dependencies left to npm, and one dist/index.d.ts (and .d.cts)
// with the API contract's types inlined, so nothing in dist names a workspace package.
import { copyFile, readFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
const dependencies = Object.keys(pkg.dependencies);
const isDependency = (id) => dependencies.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * Workspace modules (schemas, contract) are declarations with no side effects: saying so lets
 * esbuild leave out every one the client does not use (most of `@genhub/core/schemas`).
 */
const pureWorkspace = {
  name: 'pure-workspace',
  setup(build) {
    build.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const result = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      const workspace = /\/packages\/(?:core|api|db)\/src\//.test(result.path);
      return workspace ? { ...result, sideEffects: false } : result;
    });
  },
};

await rm(new URL('dist', root), { recursive: true, force: true });

for (const [format, outfile] of [
  ['esm', 'dist/index.js'],
  ['cjs', 'dist/index.cjs'],
]) {
  await build({
    absWorkingDir: root.pathname,
    entryPoints: ['src/index.ts'],
    outfile,
    bundle: true,
    // Browsers and Node alike: nothing platform-specific is bundled.
    platform: 'neutral',
    mainFields: ['module', 'main'],
    format,
    target: 'es2022',
    external: dependencies.flatMap((name) => [name, `${name}/*`]),
    plugins: [pureWorkspace],
    logLevel: 'warning',
  });
}

const types = await rollup({
  input: new URL('src/index.ts', root).pathname,
  external: isDependency,
  plugins: [
    dts({
      respectExternal: true,
      tsconfig: new URL('tsconfig.json', root).pathname,
      // Workspace packages are pnpm symlinks: read them where they really are, where their
      // own dependencies resolve. `tsc` type-checks; the build only emits (a third of the
      // time), and a declaration it cannot name shows up as a stray import below.
      compilerOptions: { preserveSymlinks: false, noEmitOnError: false },
    }),
  ],
  onwarn(warning, warn) {
    if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
  },
});
await types.write({ file: new URL('dist/index.d.ts', root).pathname, format: 'es' });
await types.close();
await copyFile(new URL('dist/index.d.ts', root), new URL('dist/index.d.cts', root));

// The declarations may import only what npm installs beside the client.
const declarations = await readFile(new URL('dist/index.d.ts', root), 'utf8');
const imported = [
  ...declarations.matchAll(/\bfrom\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
].map((m) => m[1] ?? m[2]);
const stray = [...new Set(imported.filter((id) => !isDependency(id)))];
if (stray.length > 0) {
  console.error(`dist/index.d.ts refers to packages npm does not install: ${stray.join(', ')}`);
  process.exit(1);
}
console.log(
  `built dist/index.js, dist/index.cjs and dist/index.d.ts (imports: ${[...new Set(imported)].join(', ')})`,
);
