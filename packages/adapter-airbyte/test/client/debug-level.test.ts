import { silentLogger, type ActorSpec, type Logger } from '@airbyte-provisioner/core';
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { redactConfiguration } from '../../src/index.js';
import {
  airbyte,
  captureLogger,
  DEST_ID,
  destinationResponse,
  harness,
  PREFIX,
  run,
  setUpNock,
  type LogLine,
} from './fixtures.js';

const PASSWORD = 'Sn0wflake-Pa55word!';

/** A destination whose password counts how often anything reads it: a walk of the configuration reads it once. */
const countingSpec = () => {
  const reads = { count: 0 };
  const credentials = {
    auth_type: 'Username and Password',
    get password(): string {
      reads.count += 1;
      return PASSWORD;
    },
  };
  const configuration = { host: 'acme.snowflakecomputing.com', database: 'SALES', credentials };
  const spec: ActorSpec = {
    name: 'orders-snowflake',
    connector: { _tag: 'ConnectorType', connectorType: 'snowflake' },
    configuration,
  };
  return { spec, reads };
};

/** A capturing logger that answers pino's isLevelEnabled, debug being on or off, and counts its questions. */
const levelledLogger = (logs: LogLine[], debug: boolean) => {
  const asked: string[] = [];
  const logger: Logger = {
    ...captureLogger(logs),
    isLevelEnabled: (level) => {
      asked.push(level);
      return level !== 'debug' || debug;
    },
  };
  return { logger, asked };
};

/** Reads of the password taken by one create and one replace through the logger. */
const readsOfWrites = async (logger: Logger): Promise<number> => {
  const { gateway } = harness({ logger });
  const { spec, reads } = countingSpec();
  airbyte().post(`${PREFIX}/destinations`).reply(200, destinationResponse());
  airbyte().put(`${PREFIX}/destinations/${DEST_ID}`).reply(200, destinationResponse());
  expect(E.isRight(await run(gateway.createActor('destination', spec)))).to.equal(true);
  expect(E.isRight(await run(gateway.updateActor('destination', DEST_ID, spec)))).to.equal(true);
  return reads.count;
};

describe('AirbytePublicApiGateway builds its debug lines only when debug is on', () => {
  setUpNock();

  it('with debug off, logs no configuration and does not redact one', async () => {
    const offLogs: LogLine[] = [];
    const off = levelledLogger(offLogs, false);
    const readsOff = await readsOfWrites(off.logger);
    const readsOn = await readsOfWrites(levelledLogger([], true).logger);

    expect(off.asked).to.include('debug');
    expect(offLogs.filter((l) => l.fields['configuration'] !== undefined)).to.deep.equal([]);
    expect(offLogs.map((l) => l.message)).not.to.include.members([
      'creating Airbyte destination',
      'replacing Airbyte destination',
    ]);
    // the only difference between the two is the redaction of each write's configuration for its line
    const { spec, reads } = countingSpec();
    redactConfiguration(spec.configuration, 'snowflake', 'destination');
    const perRedaction = reads.count;
    expect(perRedaction).to.be.greaterThan(0);
    expect(readsOn - readsOff).to.equal(2 * perRedaction);
    // silentLogger writes nothing and says so: no redaction for it either
    expect(await readsOfWrites(silentLogger)).to.equal(readsOff);
  });

  it('with debug on, logs each write with its configuration redacted, never the secret', async () => {
    const logs: LogLine[] = [];
    await readsOfWrites(levelledLogger(logs, true).logger);
    const logged = logs.filter((l) => l.fields['configuration'] !== undefined);
    expect(logged.map((l) => `${l.level} ${l.message}`)).to.deep.equal([
      'debug creating Airbyte destination',
      'debug replacing Airbyte destination',
    ]);
    expect(logged[1]?.fields).to.deep.equal({
      kind: 'destination',
      name: 'orders-snowflake',
      id: DEST_ID,
      configuration: {
        host: 'acme.snowflakecomputing.com',
        database: 'SALES',
        credentials: { auth_type: 'Username and Password', password: '[redacted]' },
        destinationType: 'snowflake',
      },
    });
    expect(JSON.stringify(logs)).not.to.include(PASSWORD);
  });

  it('a logger without isLevelEnabled counts as logging at every level', async () => {
    const logs: LogLine[] = [];
    await readsOfWrites(captureLogger(logs));
    expect(
      logs.filter((l) => l.fields['configuration'] !== undefined).map((l) => `${l.level} ${l.message}`),
    ).to.deep.equal(['debug creating Airbyte destination', 'debug replacing Airbyte destination']);
    expect(JSON.stringify(logs)).not.to.include(PASSWORD);
  });
});
