/**
 * Validation times of a small and a large data product taken in turns in one process of one build, so
 * both sizes meet the same machine, the same compiled code and the same heap. Driven over IPC.
 * Usage: forked with <build root> <small descriptor file> <large descriptor file>.
 */
import { readFileSync } from 'node:fs';
import { loadValidate } from '../harness/build-modules.js';
import { benchProfiles } from '../harness/profiles.js';
import { serveRpc } from '../harness/rpc.js';
import type { ValidationCommands } from '../harness/validation-host-protocol.js';

const [root = '', smallFile = '', largeFile = ''] = process.argv.slice(2);
const small = readFileSync(smallFile, 'utf8');
const large = readFileSync(largeFile, 'utf8');

// limits raised so that the large one is validated, not refused for its size
const validate = (await loadValidate(root))(benchProfiles, {
  maxBytes: 50_000_000,
  maxAliasCount: 100,
  maxDepth: 64,
});
const timed = (descriptor: string): number => {
  const started = performance.now();
  validate({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor });
  return performance.now() - started;
};
// one of each first, not measured: compilation, and the heap growing to the size the large one needs
timed(small);
timed(large);

serveRpc<ValidationCommands>({
  round: ({ smallRuns }) => {
    const smalls = (): number[] => Array.from({ length: smallRuns }, () => timed(small));
    const before = smalls();
    const largeMs = timed(large);
    return Promise.resolve({ smallMs: [...before, ...smalls()], largeMs });
  },
});
process.send?.({ ready: true });
