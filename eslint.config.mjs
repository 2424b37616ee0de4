import nx from '@nx/eslint-plugin';

// Module boundaries: apps import libs, never each other; contracts stay framework-free so that
// any service (or an external consumer) can depend on them without pulling NestJS, mongoose or kafkajs.
const frameworkImports = [
  '@nestjs/*',
  'mongoose',
  'mongodb',
  'kafkajs',
  'fastify',
  'pino',
  'testcontainers',
  '@testcontainers/*',
];

export const depConstraints = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:testing'],
  },
  {
    sourceTag: 'type:infra',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:infra'],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:testing', 'type:tool'],
  },
  {
    sourceTag: 'type:tool',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:tool'],
  },
  {
    sourceTag: 'type:contracts',
    onlyDependOnLibsWithTags: ['type:contracts'],
    bannedExternalImports: frameworkImports,
  },
];

// Test code may also use the test harness (libs/testing, tools/infra); production code may not.
const testFiles = [
  '**/*.spec.ts',
  '**/*.int-spec.ts',
  '**/*.e2e-spec.ts',
  '**/src/**/testing/**/*.ts',
];
const testDepConstraints = depConstraints.map((c) =>
  c.sourceTag === 'type:contracts'
    ? c
    : {
        ...c,
        onlyDependOnLibsWithTags: [
          ...new Set([...c.onlyDependOnLibsWithTags, 'type:testing', 'type:tool']),
        ],
      },
);

const boundaries = (constraints) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
    depConstraints: constraints,
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/coverage', '**/.cache'] },
  {
    files: ['**/*.ts', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(depConstraints),
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: testFiles,
    rules: { '@nx/enforce-module-boundaries': boundaries(testDepConstraints) },
  },
];
