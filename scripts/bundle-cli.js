// Bundles the CLI (already compiled by tsc, decorators and all) into one minified ES module, which is
// what `airbyte-provisioner` runs. Node 20 loads an ES module graph file by file: the ~400 modules of
// the CLI and its dependencies took longer to resolve and compile than everything the server does at
// start-up, and one file halves the time to the first answer (BENCHMARKS.md, start-up).
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { build } from 'esbuild';

// resolved from the core, which depends on both (the workspace root does not)
const fromCore = createRequire(new URL('../packages/core/package.json', import.meta.url));
const packageDir = (name) => dirname(fromCore.resolve(`${name}/package.json`));

const outfile = 'packages/cli/dist/bundle/airbyte-provisioner.js';

await build({
  entryPoints: ['packages/cli/dist/src/main.js'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  // stack traces map back to the TypeScript sources with `node --enable-source-maps`
  sourcemap: 'linked',
  legalComments: 'linked',
  // CommonJS dependencies require Node's built-in modules, which an ES module can only do through this
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  // fp-ts and io-ts as the ES modules they also ship: no CommonJS wrappers copying every export at start-up,
  // and only what is used is bundled
  alias: { 'fp-ts/lib': `${packageDir('fp-ts')}/es6`, 'io-ts': `${packageDir('io-ts')}/es6/index.js` },
  // pg's optional native binding (libpq) is never used: its pure-JavaScript client is
  external: ['pg-native'],
  logLevel: 'warning',
});
// the PostgreSQL migrations are read at run time: the bundle carries them beside itself, and only them
// (a migration renumbered since the last build must not stay behind under its old number)
rmSync('packages/cli/dist/bundle/migrations', { recursive: true, force: true });
cpSync('packages/adapter-postgres/migrations', 'packages/cli/dist/bundle/migrations', { recursive: true });
console.log(`Bundled the CLI into ${outfile}.`);
