// Builds the production file set of the service into a directory: what the container image runs (the
// Dockerfile calls this script) and what the release tarball holds. That is the CLI package's `files`
// (the esbuild bundle, with its source map and licence notices) and its manifest as `pnpm pack` writes
// it (the beforePacking hook of .pnpmfile.cjs: no workspace package, no dev dependency). Runtime
// dependencies the bundle cannot hold, if the manifest ever lists any, are installed with npm --omit=dev.
//
// Usage: node scripts/production-files.js <directory>   (after `pnpm run build`)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cliDir = join(root, 'packages', 'cli');

const [target] = process.argv.slice(2);
if (target === undefined) {
  console.error('Usage: node scripts/production-files.js <directory>');
  process.exit(1);
}
const out = resolve(target);
if (existsSync(out) && readdirSync(out).length > 0) {
  console.error(`${out} is not empty: the production file set is built into an empty directory.`);
  process.exit(1);
}

const manifest = JSON.parse(readFileSync(join(cliDir, 'package.json'), 'utf8'));
const { hooks } = createRequire(import.meta.url)('../.pnpmfile.cjs');
const released = hooks.beforePacking(manifest);

mkdirSync(out, { recursive: true });
for (const entry of released.files) {
  const from = join(cliDir, entry);
  if (!existsSync(from)) {
    console.error(`${from} is missing: run \`pnpm run build\` first.`);
    process.exit(1);
  }
  cpSync(from, join(out, entry), { recursive: true });
}
writeFileSync(join(out, 'package.json'), `${JSON.stringify(released, null, 2)}\n`);

const runtimeDependencies = Object.keys(released.dependencies ?? {});
if (runtimeDependencies.length > 0) {
  execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--no-package-lock'], {
    cwd: out,
    stdio: 'inherit',
  });
}
console.log(
  `Production files of ${released.name} ${released.version} in ${out}` +
    ` (runtime dependencies: ${runtimeDependencies.length === 0 ? 'none, all bundled' : runtimeDependencies.join(', ')}).`,
);
