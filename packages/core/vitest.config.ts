import { configDefaults, defineConfig } from 'vitest/config';

const pgTests = 'src/**/*.pg.test.ts';

export default defineConfig({
  test: {
    // Some tests encode video or run hundreds of tasks: on a loaded two-core machine 5 s is not
    // enough for work that takes 2 s when the machine is idle.
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', exclude: [...configDefaults.exclude, pgTests] },
      },
      {
        extends: true,
        // A real PostgreSQL: TEST_DATABASE_URL's, or a throw-away cluster started for the run.
        test: { name: 'pg', include: [pgTests], globalSetup: ['../db/test/pg-cluster.ts'] },
      },
    ],
  },
});
