/**
 * A build the bench measures: the current tree, or (with `--compare <ref>`) another commit built in a
 * directory of its own. Figures reach a build's code only through its files, so the same bench code
 * drives both builds side by side.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './paths.js';

export interface Build {
  /** How reports name it: `current tree`, or the ref and its commit. */
  readonly label: string;
  readonly root: string;
  /** The bundle the CLI package's `bin` runs. */
  readonly cliMain: string;
}

export const buildAt = (root: string, label: string): Build => ({
  label,
  root,
  cliMain: join(root, 'packages', 'cli', 'dist', 'bundle', 'airbyte-provisioner.js'),
});

export const currentBuild: Build = buildAt(repoRoot, 'current tree');

const distEntries = {
  core: 'packages/core/dist/src/index.js',
  coreTesting: 'packages/core/dist/src/testing/index.js',
  adapterAirbyte: 'packages/adapter-airbyte/dist/src/index.js',
} as const;

export type BuildModule = keyof typeof distEntries;

/** A build's compiled module, loaded from its own files (and its own node_modules). */
export const importFrom = async (root: string, module: BuildModule): Promise<Record<string, unknown>> =>
  (await import(pathToFileURL(join(root, distEntries[module])).href)) as Record<string, unknown>;
