import { configDefaults, defineConfig } from 'vitest/config';

const pgTests = 'src/**/*.pg.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', exclude: [...configDefaults.exclude, pgTests] },
      },
      {
        extends: true,
        // A real PostgreSQL: TEST_DATABASE_URL's, or a throw-away cluster (test/pg-cluster.ts).
        test: { name: 'pg', include: [pgTests], globalSetup: ['test/pg-cluster.ts'] },
      },
    ],
  },
});
