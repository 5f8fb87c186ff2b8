// Lint rules, and the hexagon's dependency rules: arrows point inward only.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const noNodeInCore = 'core does no I/O: Node built-ins belong in an adapter.';
const noRunTimeLoad = 'core loads no module at run time.';

// every module Node ships, by its exact name (a pattern such as 'domain' would match ../domain/x.js)
const nodeBuiltins = builtinModules.map((name) => ({ name, message: noNodeInCore }));

// reaching into another package's files by a relative path is an import of that package too
const otherPackages = (...names) => names.map((name) => `**/${name}/**`);

const restricted = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});

/** What core may import at all: its own modules, fp-ts, io-ts and yaml. */
const corePatterns = [
  { group: ['node:*'], message: noNodeInCore },
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
    group: [
      '@airbyte-provisioner/*',
      ...otherPackages('adapter-airbyte', 'adapter-http', 'adapter-postgres', 'cli'),
    ],
    message: 'core depends on no other workspace package; adapters depend on core.',
  },
];

/**
 * Core's layers, bottom up, each with the folders it may import: an import never runs back up (a port never
 * reaches for a use case, the planner never for the descriptor reader), and nothing imports the public
 * entry (index.ts) from inside.
 */
const coreLayers = {
  errors: [],
  domain: ['errors'],
  ports: ['errors', 'domain'],
  requests: ['errors', 'domain'],
  descriptor: ['errors', 'domain', 'ports', 'requests'],
  planner: ['errors', 'domain', 'ports', 'requests'],
  'in-memory': ['errors', 'domain', 'ports'],
  'use-cases': ['errors', 'domain', 'ports', 'requests', 'descriptor', 'planner', 'in-memory'],
  testing: ['errors', 'domain', 'ports', 'requests', 'descriptor', 'planner', 'in-memory', 'use-cases'],
};

const coreLayerRules = Object.entries(coreLayers).map(([layer, below]) => {
  const above = Object.keys(coreLayers).filter((other) => other !== layer && !below.includes(other));
  return {
    files: [`packages/core/src/${layer}/**/*.ts`],
    rules: restricted(
      [
        ...corePatterns,
        {
          group: [...above.map((other) => `../${other}/*`), '../index.js'],
          message: `core/src/${layer} imports only from ${below.length === 0 ? 'itself' : below.join(', ')}: imports in core point down its layers (errors, domain, ports, requests, descriptor and planner, in-memory, use-cases, testing).`,
        },
      ],
      nodeBuiltins,
    ),
  };
});

/** Rules of the package graph, shared with the dependency check's own test. */
export const hexagonRules = [
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      ...restricted(corePatterns, nodeBuiltins),
      // what an import cannot show: a module loaded at run time, and the globals that do I/O or read the
      // clock and randomness (the ports Clock and IdGenerator stand for those)
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: noRunTimeLoad },
        { selector: "CallExpression[callee.name='require']", message: noRunTimeLoad },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core reads time through the Clock port.',
        },
        // globalThis.fetch, globalThis.process.env: any global reached around no-restricted-globals
        {
          selector: "MemberExpression[object.name='globalThis']",
          message: 'core reaches no global through globalThis: use a port.',
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'fetch',
          'XMLHttpRequest',
          'WebSocket',
          'process',
          'require',
          'Buffer',
          'setTimeout',
          'setInterval',
          'setImmediate',
          'performance',
          'crypto',
          'console',
        ].map((name) => ({ name, message: 'core does no I/O and keeps no time: use a port.' })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core reads time through the Clock port.' },
        { object: 'Math', property: 'random', message: 'core draws ids through the IdGenerator port.' },
      ],
    },
  },
  {
    files: ['packages/adapter-airbyte/src/**/*.ts'],
    rules: restricted([
      {
        group: [
          '@airbyte-provisioner/adapter-http',
          '@airbyte-provisioner/adapter-postgres',
          'airbyte-provisioner',
          ...otherPackages('adapter-http', 'adapter-postgres', 'cli'),
          'koa',
          '@koa/*',
          'inversify',
        ],
        message: 'an adapter imports core only, never another adapter or the composition root.',
      },
    ]),
  },
  {
    files: ['packages/node-runtime/src/**/*.ts'],
    rules: restricted([
      {
        group: [
          '@airbyte-provisioner/adapter-airbyte',
          '@airbyte-provisioner/adapter-http',
          '@airbyte-provisioner/cli',
          ...otherPackages('adapter-airbyte', 'adapter-http', 'cli'),
          'koa',
          '@koa/*',
          'inversify',
          'pino',
        ],
        message: 'node-runtime imports core and Node only: it is what every Node embedder can take.',
      },
    ]),
  },
  {
    files: ['packages/adapter-http/src/**/*.ts'],
    rules: restricted([
      {
        group: [
          '@airbyte-provisioner/adapter-airbyte',
          '@airbyte-provisioner/adapter-postgres',
          'airbyte-provisioner',
          ...otherPackages('adapter-airbyte', 'adapter-postgres', 'cli'),
          'inversify',
        ],
        message: 'an adapter imports core only, never another adapter or the composition root.',
      },
    ]),
  },
  {
    files: ['packages/adapter-postgres/src/**/*.ts'],
    rules: restricted([
      {
        group: [
          '@airbyte-provisioner/adapter-airbyte',
          '@airbyte-provisioner/adapter-http',
          'airbyte-provisioner',
          ...otherPackages('adapter-airbyte', 'adapter-http', 'cli'),
          'koa',
          '@koa/*',
          'inversify',
        ],
        message: 'an adapter imports core only, never another adapter or the composition root.',
      },
    ]),
  },
  ...coreLayerRules,
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
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  ...hexagonRules,
);
