export * from './requests.codec.js';
