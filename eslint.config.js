// Lint rules, and the hexagon's dependency rules: arrows point inward only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'inspector',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'timers/promises',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

const restricted = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

/** Rules of the package graph, shared with the dependency check's own test. */
export const hexagonRules = [
  {
    files: ['packages/core/src/**/*.ts'],
    rules: restricted([
      {
        group: ['node:*', ...nodeBuiltins],
        message: 'core does no I/O: Node built-ins belong in an adapter.',
      },
      {
        group: [
          'koa',
          'koa-*',
          '@koa/*',
          'inversify',
          'reflect-metadata',
          'nock',
          'undici',
          'axios',
          'pino',
          'prom-client',
        ],
        message: 'core imports no framework: only fp-ts, io-ts and yaml.',
      },
      {
        group: ['@airbyte-provisioner/*'],
        message: 'core depends on no other workspace package; adapters depend on core.',
      },
    ]),
  },
  {
    files: ['packages/adapter-airbyte/src/**/*.ts'],
    rules: restricted([
      {
        group: [
          '@airbyte-provisioner/adapter-http',
          '@airbyte-provisioner/cli',
          'koa',
          '@koa/*',
          'inversify',
        ],
        message: 'an adapter imports core only, never another adapter or the composition root.',
      },
    ]),
  },
  {
    files: ['packages/adapter-http/src/**/*.ts'],
    rules: restricted([
      {
        group: ['@airbyte-provisioner/adapter-airbyte', '@airbyte-provisioner/cli', 'inversify'],
        message: 'an adapter imports core only, never another adapter or the composition root.',
      },
    ]),
  },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.js', 'scripts/*/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...hexagonRules,
);
