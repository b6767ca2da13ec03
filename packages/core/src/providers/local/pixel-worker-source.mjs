// A worker thread does not inherit tsx's loader. From source (tests, `node --import tsx`)
// the pixel pool starts this file, which loads the TypeScript worker through tsx's API;
// the server bundle starts the worker built to dist/pixel-worker.js instead.
import { tsImport } from 'tsx/esm/api';

const worker = await tsImport('./pixel-worker.ts', import.meta.url);

export default worker.default;
