import { configDefaults, defineConfig } from 'vitest/config';

const pgTests = ['test/**/*.pg.test.ts', 'src/**/*.pg.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...pgTests],
        },
      },
      {
        extends: true,
        // The SQLite suite again with every test server on PostgreSQL; run on its own
        // (`pnpm --filter @genhub/server test:postgres`), not with the rest.
        test: {
          name: 'sqlite-suite-on-pg',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...pgTests],
          env: { GENHUB_TEST_ON_POSTGRES: '1' },
          globalSetup: ['../../packages/db/test/pg-cluster.ts'],
        },
      },
      {
        extends: true,
        // A real PostgreSQL: TEST_DATABASE_URL's, or a throw-away cluster started for the run.
        test: {
          name: 'pg',
          include: pgTests,
          globalSetup: ['../../packages/db/test/pg-cluster.ts'],
        },
      },
    ],
  },
});
