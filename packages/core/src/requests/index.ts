export * from './requests.codec.js';
export * from './decode.js';
