import { portToken } from './port-token.js';

/**
 * Structured logging, shaped like pino's methods so the composition root can pass a pino logger as is.
 * Callers pass only non-secret fields; adapters redact configurations before logging them.
 */
export interface LogFn {
  (fields: Readonly<Record<string, unknown>>, message: string): void;
}

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  readonly debug: LogFn;
  readonly info: LogFn;
  readonly warn: LogFn;
  readonly error: LogFn;
  /**
   * Whether a line at this level would be written (pino's own method). A caller whose fields cost work to
   * build (a walk of a configuration, say) asks first, through `logsAt`; a logger without it logs at every level.
   */
  isLevelEnabled?(level: LogLevelName): boolean;
}

/** Whether the logger writes lines at `level`: a logger that cannot say is taken to write them all. */
export const logsAt = (logger: Logger, level: LogLevelName): boolean =>
  logger.isLevelEnabled?.(level) ?? true;

/** Writes nothing, and says so: callers build no fields for it. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  isLevelEnabled: () => false,
};

export const LoggerToken = portToken<Logger>('Logger');
