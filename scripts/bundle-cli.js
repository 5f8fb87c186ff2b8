// Bundles the CLI (already compiled by tsc, decorators and all) into one minified ES module, which is
// what `airbyte-provisioner` runs. Node 20 loads an ES module graph file by file: the ~400 modules of
// the CLI and its dependencies took longer to resolve and compile than everything the server does at
// start-up, and one file halves the time to the first answer (BENCHMARKS.md, start-up).
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { build } from 'esbuild';

// resolved from the core, which depends on both (the workspace root does not)
const fromCore = createRequire(new URL('../packages/core/package.json', import.meta.url));
const packageDir = (name) => dirname(fromCore.resolve(`${name}/package.json`));

const outfile = 'packages/cli/dist/bundle/airbyte-provisioner.js';

// esbuild inlines a JSON file as an object literal, which V8 parses and evaluates several times slower than
// JSON.parse reads the same text as a string (https://v8.dev/blog/cost-of-javascript-2019#json). The large
// ones loaded at start-up (mime-db's media types, twice; the connector schemas) took a tenth of the time
// to the first answer that way: they go in as a string given to JSON.parse. Small ones stay literals,
// which esbuild can tree-shake.
const LARGE_JSON_BYTES = 10 * 1024;
const largeJsonAsString = {
  name: 'large-json-as-string',
  setup: (plugin) => {
    plugin.onLoad({ filter: /\.json$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (text.length < LARGE_JSON_BYTES) return undefined;
      return {
        contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`,
        loader: 'js',
      };
    });
  },
};

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
  //
  // yaml as the build it publishes for other platforms (the same code and the same ES modules): its Node build
  // reads process.env.LOG_TOKENS for every token it parses, and each read of process.env is a call into
  // the C++ environment (~0.7 µs), a fifth of the time it takes to parse a descriptor. The builds differ
  // in nothing else the provisioner uses (warnings go to console.warn instead of process.emitWarning, and
  // !!binary, a YAML 1.1 tag the core schema refuses anyway, decodes with atob).
  alias: {
    'fp-ts/lib': `${packageDir('fp-ts')}/es6`,
    'io-ts': `${packageDir('io-ts')}/es6/index.js`,
    yaml: `${packageDir('yaml')}/browser/index.js`,
  },
  // pg's optional native binding (libpq) is never used: its pure-JavaScript client is
  external: ['pg-native'],
  plugins: [largeJsonAsString],
  logLevel: 'warning',
});
// the PostgreSQL migrations are read at run time: the bundle carries them beside itself, and only them
// (a migration renumbered since the last build must not stay behind under its old number)
rmSync('packages/cli/dist/bundle/migrations', { recursive: true, force: true });
cpSync('packages/adapter-postgres/migrations', 'packages/cli/dist/bundle/migrations', { recursive: true });
console.log(`Bundled the CLI into ${outfile}.`);
