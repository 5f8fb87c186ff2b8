import { portToken } from './port-token.js';

/**
 * Structured logging, shaped like pino's methods so the composition root can pass a pino logger as is.
 * Callers pass only non-secret fields; adapters redact configurations before logging them.
 */
export interface LogFn {
  (fields: Readonly<Record<string, unknown>>, message: string): void;
}

export interface Logger {
  readonly debug: LogFn;
  readonly info: LogFn;
  readonly warn: LogFn;
  readonly error: LogFn;
}

export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export const LoggerToken = portToken<Logger>('Logger');
