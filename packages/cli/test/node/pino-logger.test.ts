import { Writable } from 'node:stream';
import { expect } from 'chai';
import { makePinoLogger } from '../../src/node/pino-logger.js';

const linesOf = (): { readonly sink: Writable; readonly lines: () => Array<Record<string, unknown>> } => {
  const written: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written.push(chunk.toString('utf8'));
      done();
    },
  });
  return {
    sink,
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
};

describe('the pino logger', () => {
  it('prints a task token, which the coordinator also holds, and redacts credential fields', () => {
    const { sink, lines } = linesOf();
    const logger = makePinoLogger({ level: 'info', destination: sink });
    logger.error(
      {
        taskToken: 'task-7',
        token: 'personal-access-token',
        configuration: { credentials: { client_secret: 'cs' }, token: 'api-token' },
      },
      'could not record the end of a task',
    );
    const [line] = lines();
    expect(line).to.include({ taskToken: 'task-7', token: '[redacted]', service: 'airbyte-provisioner' });
    expect(line?.['configuration']).to.deep.equal({ credentials: '[redacted]', token: '[redacted]' });
    expect(JSON.stringify(lines())).not.to.match(/personal-access-token|api-token|"cs"/);
  });

  it('writes nothing below its level', () => {
    const { sink, lines } = linesOf();
    const logger = makePinoLogger({ level: 'warn', destination: sink });
    logger.info({ taskToken: 'task-8' }, 'taking over');
    expect(lines()).to.deep.equal([]);
    expect(logger.isLevelEnabled('debug')).to.equal(false);
  });
});
