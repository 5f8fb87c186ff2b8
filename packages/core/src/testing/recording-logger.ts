import type { Logger, LogLevelName } from '../ports/logger.port.js';

export interface LoggedLine {
  readonly level: LogLevelName;
  readonly fields: Readonly<Record<string, unknown>>;
  readonly message: string;
}

/** A Logger that keeps every line, so tests can assert what was (and was not) logged. */
export const recordingLogger = (): Logger & { readonly lines: ReadonlyArray<LoggedLine> } => {
  const lines: LoggedLine[] = [];
  const at =
    (level: LoggedLine['level']) =>
    (fields: Readonly<Record<string, unknown>>, message: string): void => {
      lines.push({ level, fields, message });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
};
