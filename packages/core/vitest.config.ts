import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Some tests encode video or run hundreds of tasks: on a loaded two-core machine 5 s is not
    // enough for work that takes 2 s when the machine is idle.
    testTimeout: 20_000,
  },
});
