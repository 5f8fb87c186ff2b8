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
const validate = validateProvisioningRequest(benchProfiles);
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
  }),
);
