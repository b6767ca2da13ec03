// Bundles the server into dist/main.js so production runs on plain Node (no TypeScript
// loader in memory). Workspace packages and pure-JS libraries are bundled; this package's
// own dependencies (native addons among them) stay external and load from node_modules.
import { cp, readFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
const external = Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@genhub/'));

await rm(new URL('dist', root), { recursive: true, force: true });
await build({
  absWorkingDir: root.pathname,
  // The pixel worker is a second entry: the pool starts dist/pixel-worker.js beside main.js.
  entryPoints: {
    main: 'src/main.ts',
    'pixel-worker': '../../packages/core/src/providers/local/pixel-worker.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: external.flatMap((name) => [name, `${name}/*`]),
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: 'warning',
});
// The db package finds its migrations at ../drizzle from its own code; in the bundle that is here.
await cp(new URL('../../packages/db/drizzle', root), new URL('drizzle', root), { recursive: true });
console.log('built dist/main.js and dist/pixel-worker.js');
