/**
 * The pino logger every part of the provisioner logs through. pino's `(fields, message)` methods and its
 * `isLevelEnabled` are the core's `Logger` as is: below LOG_LEVEL=debug, callers skip building debug
 * lines (the gateway's redacted configurations). Redaction is the last line of defence: callers already
 * leave secrets out.
 */
import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from '../config/app-config.js';

export const REDACTED_PATHS: ReadonlyArray<string> = [
  'password',
  'token',
  'apiToken',
  'clientSecret',
  'secret',
  'authorization',
  '*.password',
  '*.token',
  '*.apiToken',
  '*.clientSecret',
  '*.secret',
  '*.authorization',
  '*.credentials',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'configuration.credentials',
  '*.configuration.credentials',
];

export type PinoLoggerOptions = { readonly level: LogLevel } & (
  | {
      /** 1 for stdout (the server), 2 for stderr (commands, whose stdout is their output). */
      readonly fd: 1 | 2;
    }
  | {
      /** Where the lines go instead of a file descriptor (tests read them). */
      readonly destination: DestinationStream;
    }
);

export const makePinoLogger = (options: PinoLoggerOptions): PinoLogger =>
  pino(
    {
      level: options.level,
      base: { service: 'airbyte-provisioner' },
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    },
    'destination' in options ? options.destination : pino.destination({ fd: options.fd, sync: true }),
  );
