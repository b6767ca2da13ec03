import base from '@genhub/eslint-config/base';

/** Repositories query both dialects through one builder: SQLite's synchronous calls fail on PostgreSQL. */
const dialectNeutral = {
  files: ['src/data/**', 'src/gallery/**', 'src/tasks/**', 'src/plans/**', 'src/events/**'],
  ignores: ['**/*.test.ts'],
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
