/**
 * Probe: validation times of a small and a large data product taken in turns in one process, so both
 * sizes meet the same machine, the same compiled code and the same heap. Prints one JSON line.
 * Usage: validate-scale-interleaved.js <small file> <large file> <rounds> <small runs per round> (then two large)
 */
import { readFileSync } from 'node:fs';
import { loadValidateProvisioningRequest } from '../harness/landing.js';
import { benchProfiles } from '../harness/profiles.js';

const [smallFile, largeFile, roundsArgument, smallRunsArgument] = process.argv.slice(2);
if (smallFile === undefined || largeFile === undefined)
  throw new Error(
    'usage: validate-scale-interleaved.js <small> <large> <rounds> <small runs per round> (then two large)',
  );
const rounds = Number(roundsArgument ?? '5');
const smallRuns = Number(smallRunsArgument ?? '5');
const small = readFileSync(smallFile, 'utf8');
const large = readFileSync(largeFile, 'utf8');

const validateProvisioningRequest = await loadValidateProvisioningRequest();
// limits raised so that the large one is validated, not refused for its size (and nothing is memoized)
const validate = validateProvisioningRequest(benchProfiles, {
  maxBytes: 50_000_000,
  maxAliasCount: 100,
  maxDepth: 64,
});
const timed = (descriptor: string): number => {
  const started = performance.now();
  validate({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor });
  return performance.now() - started;
};
// two of each first, not measured: compilation, and the heap growing to the size the large one needs
for (let i = 0; i < 2; i += 1) {
  timed(small);
  timed(large);
}
const smallMs: number[][] = [];
const largeMs: number[][] = [];
for (let round = 0; round < rounds; round += 1) {
  smallMs.push(Array.from({ length: smallRuns }, () => timed(small)));
  largeMs.push([timed(large), timed(large)]);
}
console.log(JSON.stringify({ smallMs, largeMs }));
