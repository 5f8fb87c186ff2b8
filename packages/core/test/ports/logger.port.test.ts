import { expect } from 'chai';
import { logsAt, silentLogger, type Logger, type LogLevelName } from '../../src/index.js';
import { recordingLogger } from '../../src/testing/index.js';

describe('logsAt', () => {
  it("answers the logger's own isLevelEnabled, asked as a method (pino reads its level from this)", () => {
    const pinoLike = {
      ...recordingLogger(),
      level: 30,
      isLevelEnabled(this: { level: number }, level: string): boolean {
        const values: Record<string, number> = { debug: 20, info: 30, warn: 40, error: 50 };
        return (values[level] ?? 0) >= this.level;
      },
    };
    const logger: Logger = pinoLike;
    const levels: ReadonlyArray<LogLevelName> = ['debug', 'info', 'warn', 'error'];
    expect(levels.map((l) => logsAt(logger, l))).to.deep.equal([false, true, true, true]);
  });

  it('takes a logger without isLevelEnabled (a test logger) to log at every level', () => {
    expect(logsAt(recordingLogger(), 'debug')).to.equal(true);
  });

  it('silentLogger logs at no level, so nobody builds fields for it', () => {
    expect(logsAt(silentLogger, 'debug')).to.equal(false);
    expect(logsAt(silentLogger, 'error')).to.equal(false);
  });
});
