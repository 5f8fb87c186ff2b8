import { expect } from 'chai';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as O from 'fp-ts/lib/Option.js';
import type { DeploymentRecord } from '@airbyte-provisioner/core';
import { JsonFileDeploymentRecordRepository } from '../../src/node/json-file-deployment-record-repository.js';

const record: DeploymentRecord = {
  workspaceId: '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6',
  sourceId: 's-1',
  destinationId: 'd-1',
  connectionId: 'c-1',
  sourceFingerprint: 'hmac-sha256:00',
  pendingDeletions: [{ kind: 'source', id: 's-0' }],
  doubtfulCreates: [
    {
      kind: 'connection',
      name: 'orders',
      since: 1_767_225_600_000,
      id: 'c-1',
      sourceId: 's-1',
      destinationId: 'd-1',
    },
  ],
};

describe('JsonFileDeploymentRecordRepository', () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ap-state-'));
    path = join(dir, 'state.json');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('finds nothing in a file that does not exist yet', async () => {
    expect(await new JsonFileDeploymentRecordRepository(path).get('c')()).to.deep.equal(E.right(O.none));
  });

  it('keeps records across instances, per component, and removes them', async () => {
    await new JsonFileDeploymentRecordRepository(path).put('a', record)();
    await new JsonFileDeploymentRecordRepository(path).put('b', { workspaceId: 'w' })();
    const reopened = new JsonFileDeploymentRecordRepository(path);
    expect(await reopened.get('a')()).to.deep.equal(E.right(O.some(record)));
    expect(await reopened.remove('a')()).to.deep.equal(E.right(undefined));
    expect(await reopened.remove('a')()).to.deep.equal(E.right(undefined));
    expect(await reopened.get('a')()).to.deep.equal(E.right(O.none));
    expect(await reopened.get('b')()).to.deep.equal(E.right(O.some({ workspaceId: 'w' })));
    expect(JSON.parse(await readFile(path, 'utf8'))).to.deep.equal({
      version: 1,
      records: { b: { workspaceId: 'w' } },
    });
  });

  it('fails with the file name on a file that is not a state file', async () => {
    await writeFile(path, '{"version": 1, "records": {"a": {"sourceId": 3}}}');
    const result = await new JsonFileDeploymentRecordRepository(path).get('a')();
    expect(E.isLeft(result) && result.left._tag).to.equal('Internal');
    expect(JSON.stringify(result)).to.contain(path).and.to.contain('records.a');
    await writeFile(path, 'not json');
    const notJson = await new JsonFileDeploymentRecordRepository(path).put('a', record)();
    expect(E.isLeft(notJson) && notJson.left._tag).to.equal('Internal');
    expect(await readFile(path, 'utf8')).to.equal('not json');
  });

  it('fails when the file cannot be written', async () => {
    const result = await new JsonFileDeploymentRecordRepository(join(dir, 'missing-dir', 's.json')).put(
      'a',
      record,
    )();
    expect(E.isLeft(result) && result.left._tag).to.equal('Internal');
  });
});
