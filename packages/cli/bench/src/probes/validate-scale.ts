/**
 * Probe: validates one request whose descriptor (a file the parent built) holds a data product with many
 * components, with one build's core, and prints the peak RSS as one JSON line.
 * Usage: validate-scale.js <build root> <descriptor file> <iterations>
 */
import { readFileSync } from 'node:fs';
import { loadValidate } from '../harness/build-modules.js';
import { benchProfiles } from '../harness/profiles.js';
import { peakRssBytes } from './rss.js';

const [root = '', file = '', iterations = '3'] = process.argv.slice(2);
const descriptor = readFileSync(file, 'utf8');
const rssBeforeBytes = process.memoryUsage().rss;
const validateProvisioningRequest = await loadValidate(root);
const request = { descriptorKind: 'COMPONENT_DESCRIPTOR' as const, descriptor };
// the default 1 MB descriptor limit refuses 2,000 components; raised here so what is measured is validation
const acceptedWithDefaultLimits = JSON.stringify(
  validateProvisioningRequest(benchProfiles)(request),
).includes('"_tag":"Right"');
const validate = validateProvisioningRequest(benchProfiles, {
  maxBytes: 50_000_000,
  maxAliasCount: 100,
  maxDepth: 64,
});
let outcome: unknown;
for (let i = 0; i < Number(iterations); i += 1) outcome = validate(request);

console.log(
  JSON.stringify({
    descriptorBytes: Buffer.byteLength(descriptor),
    rssBeforeBytes,
    peakRssBytes: peakRssBytes(),
    valid: JSON.stringify(outcome).includes('"_tag":"Right"'),
    acceptedWithDefaultLimits,
  }),
);
