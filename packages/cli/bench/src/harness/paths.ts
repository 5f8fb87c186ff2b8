/** Where things are, from the compiled bench (`packages/cli/bench/dist/src/harness/paths.js`). */
import { fileURLToPath } from 'node:url';

const fromHere = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

export const repoRoot = fromHere('../../../../../../');
export const benchmarksMarkdown = fromHere('../../../../../../BENCHMARKS.md');
/** A compiled bench script, by its path under src/ (`hosts/provisioner-host.js`). */
export const benchScript = (relative: string): string => fromHere(`../${relative}`);
