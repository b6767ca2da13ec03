import base from '@genhub/eslint-config/base';

/** Repositories query both dialects through one builder: SQLite's synchronous calls fail on PostgreSQL. */
const dialectNeutral = {
  files: [
    'src/data/**',
    'src/webhooks/**',
    'src/gallery/**',
    'src/tasks/**',
    'src/plans/**',
    'src/events/**',
    'src/queue/**',
    'src/costs/**',
    'src/collections/**',
    'src/accounts/**',
    'src/assets/**',
    'src/settings/**',
    'src/metrics/**',
    'src/engine/**',
  ],
  // The SQLite runner of units of work is where the synchronous calls belong.
  ignores: ['**/*.test.ts', 'src/data/data-source.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector:
          "CallExpression[callee.type='MemberExpression'][callee.property.name=/^(get|all|run|prepare)$/][arguments.length=0]",
        message:
          'Await the query instead: .get(), .all(), .run() and .prepare() exist only on SQLite (see DataSource).',
      },
    ],
  },
};

export default [...base, dialectNeutral];
