/** `@airbyte-provisioner/node-runtime`: the core's platform ports as Node implements them. */
export { systemClock, systemTimer } from './system-clock.js';
export { randomUuidIdGenerator } from './random-uuid-id-generator.js';
export { deriveFingerprintKey, makeHmacSecretFingerprinter } from './hmac-secret-fingerprinter.js';
export { nodePlatform, type NodePlatformOptions } from './node-platform.js';
