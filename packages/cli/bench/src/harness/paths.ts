/** Where things are, from the compiled bench (`packages/cli/bench/dist/harness/paths.js`). */
import { fileURLToPath } from 'node:url';

const fromHere = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export const repoRoot = fromHere('../../../../../');
/** The bundle the package's `bin` runs. */
export const cliMain = fromHere('../../../dist/bundle/airbyte-provisioner.js');
export const benchmarksMarkdown = fromHere('../../../../../BENCHMARKS.md');
export const benchScript = (relative: string): string => fromHere(`../${relative}`);
