/**
 * Probe: validates one provisioning request whose descriptor (read from a file, built by the parent) holds
 * a data product with many components. Prints the time of each validation and the peak RSS as one JSON
 * line. Usage: validate-scale.js <descriptor file> <iterations>
 */
import { readFileSync } from 'node:fs';
import { loadValidateProvisioningRequest } from '../harness/landing.js';
import { benchProfiles } from '../harness/profiles.js';
import { peakRssBytes } from './rss.js';

const [file, iterationsArgument] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: validate-scale.js <descriptor file> <iterations>');
const iterations = Number(iterationsArgument ?? '3');
const descriptor = readFileSync(file, 'utf8');
const rssBeforeBytes = process.memoryUsage().rss;

const validateProvisioningRequest = await loadValidateProvisioningRequest();
// the default 1 MB descriptor limit refuses 2,000 components; raised here so the time measured is validation
const defaultOutcome = JSON.stringify(
  validateProvisioningRequest(benchProfiles)({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor }),
).slice(0, 300);
const validate = validateProvisioningRequest(benchProfiles, {
  maxBytes: 50_000_000,
  maxAliasCount: 100,
  maxDepth: 64,
});
const timesMs: number[] = [];
let outcome: unknown;
for (let i = 0; i < iterations; i += 1) {
  const started = performance.now();
  outcome = await Promise.resolve(validate({ descriptorKind: 'COMPONENT_DESCRIPTOR', descriptor }));
  timesMs.push(performance.now() - started);
}

console.log(
  JSON.stringify({
    descriptorBytes: Buffer.byteLength(descriptor),
    timesMs,
    rssBeforeBytes,
    peakRssBytes: peakRssBytes(),
    outcome: JSON.stringify(outcome).slice(0, 300),
    acceptedWithDefaultLimits: defaultOutcome.includes('"_tag":"Right"'),
  }),
);
