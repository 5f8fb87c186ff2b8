export * from './port-token.js';
export * from './airbyte-gateway.port.js';
export * from './clock.port.js';
export * from './id-generator.port.js';
export * from './lock.port.js';
export * from './secret-fingerprinter.port.js';
export * from './logger.port.js';
