import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import { loadConfig } from '../../src/config/load-config.js';
import { fingerprintKeyOf } from '../../src/container/core.module.js';

const WORKSPACE = '5ae6b09b-fdec-41af-aaf7-7d94cfc33ef6';

const keyOf = (env: Record<string, string>): string => {
  const config = loadConfig({ env, readTextFile: () => E.left('no such file') });
  if (E.isLeft(config)) throw new Error(JSON.stringify(config.left));
  return fingerprintKeyOf(config.right);
};

const airbyte = (clientSecret: string) => ({
  AIRBYTE_API_URL: 'http://airbyte.local:8000/api/public/v1/',
  AIRBYTE_WORKSPACE_ID: WORKSPACE,
  AIRBYTE_CLIENT_ID: 'id',
  AIRBYTE_CLIENT_SECRET: clientSecret,
});

describe('the secret fingerprint key of the service', () => {
  it('is derived from the workspace and credentials as before the fingerprinter moved to node-runtime', () => {
    // the key records written by earlier versions were fingerprinted under
    expect(keyOf(airbyte('s'))).to.equal('63176dd544702743cf2bd867f4d47fd3db466944925b140ab3cc9f653d899947');
    expect(keyOf(airbyte('t'))).to.not.equal(keyOf(airbyte('s')));
  });
});
