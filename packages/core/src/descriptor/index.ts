export * from './validated-component.js';
