export * from './create-http-app.js';
export * from './http-app-options.js';
export * from './metrics.js';
export * from './start-http-server.js';
export * from './error-response.js';
export { openApiDocument } from './openapi/openapi-document.js';
