import { expect } from 'chai';
import { parse } from 'yaml';
import { runCli } from '../../src/commands/program.js';
import type { Collaborators } from '../../src/collaborators/collaborators.js';
import { memoryIo } from '../support/memory-io.js';

// these commands read only the shipped connector schemas: no collaborator is called
const unused = new Proxy({} as Collaborators, {
  get: (_target, key) => {
    throw new Error(`collaborator ${String(key)} was not expected to be used`);
  },
});

const run = async (argv: ReadonlyArray<string>) => {
  const io = memoryIo();
  const code = await runCli(argv, io, unused);
  return { code, out: io.out(), err: io.err() };
};

describe('connectors and scaffold commands (in-process)', () => {
  it('connectors: lists the source and destination types, with the schemas’ licence', async () => {
    const { code, out } = await run(['connectors']);
    expect(code).to.equal(0);
    expect(out).to.match(/^\d{3} sources:\n/);
    expect(out).to.contain('\n  postgres\n');
    expect(out).to.match(/\n\d+ destinations:\n/);
    expect(out).to.contain('MIT License, Copyright (c) 2023 airbytehq.');
  });

  it('connectors destination --json: one JSON line of the destination types', async () => {
    const { code, out } = await run(['connectors', 'destination', '--json']);
    expect(code).to.equal(0);
    const listed = JSON.parse(out) as { destinations: string[] };
    expect(Object.keys(listed)).to.deep.equal(['destinations']);
    expect(listed.destinations).to.include.members(['snowflake', 'bigquery', 'postgres']);
  });

  it('connectors: refuses a kind that is neither source nor destination with 1', async () => {
    const { code, err } = await run(['connectors', 'sink']);
    expect(code).to.equal(1);
    expect(err).to.equal('"sink" is no connector kind: write source or destination\n');
  });

  it('scaffold source postgres: a specific block with every required field, typed and described, the password as an env reference', async () => {
    const { code, out } = await run(['scaffold', 'source', 'postgres']);
    expect(code).to.equal(0);
    expect(out).to.contain('      # Port of the database. (integer)\n      port: 0\n');
    expect(out).to.contain('      password: ${env:POSTGRES_PASSWORD}\n');
    const parsed = parse(out) as { specific: { source: Record<string, unknown> } };
    expect(parsed.specific.source).to.deep.equal({
      name: 'my-postgres-source',
      sourceType: 'postgres',
      connectionConfiguration: {
        host: '',
        port: 0,
        database: '',
        username: '',
        password: '${env:POSTGRES_PASSWORD}',
      },
    });
  });

  it('scaffold source file: the first variant of a required oneOf, naming the others', async () => {
    const { out } = await run(['scaffold', 'source', 'file']);
    const parsed = parse(out) as {
      specific: { source: { connectionConfiguration: Record<string, unknown> } };
    };
    expect(parsed.specific.source.connectionConfiguration).to.deep.equal({
      dataset_name: '',
      format: 'csv',
      url: '',
      provider: { storage: 'HTTPS' },
    });
    expect(out).to.contain(
      '# one of: HTTPS: Public Web; GCS: Google Cloud Storage; S3: Amazon Web Services;',
    );
  });

  it('scaffold destination bigquery: a destination block', async () => {
    const { code, out } = await run(['scaffold', 'destination', 'bigquery']);
    expect(code).to.equal(0);
    const parsed = parse(out) as { specific: { destination: Record<string, unknown> } };
    expect(parsed.specific.destination['destinationType']).to.equal('bigquery');
    expect(Object.keys(parsed.specific.destination['connectionConfiguration'] as object)).to.include.members([
      'project_id',
      'dataset_id',
    ]);
  });

  it('scaffold: refuses an unknown connector type with 1, saying where to look', async () => {
    const { code, err } = await run(['scaffold', 'source', 'postgress']);
    expect(code).to.equal(1);
    expect(err).to.equal(
      '"postgress" is not a published source connector known here; see: airbyte-provisioner connectors source\n',
    );
  });
});
